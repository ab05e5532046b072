//! A small JSON reader and writer for saved drafts. serde_json with derived
//! `Deserialize` for the draft added ~50 KB brotli to every first load; this does what a
//! draft needs in a fraction of that. Limits make hostile input a rejection: nesting
//! depth, and numbers are kept as text (drafts only hold integers).

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number as written; see [`Value::as_i64`].
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Keys in file order; a repeated key keeps its last value, as JSON.parse does.
    Object(Vec<(String, Value)>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonError {
    /// The text ends before the value does.
    Eof,
    Syntax,
    TooDeep,
}

/// Deeper nesting than any draft has is refused before it can exhaust the stack.
pub const MAX_DEPTH: usize = 32;

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    pub fn object(entries: Vec<(&str, Value)>) -> Value {
        Value::Object(
            entries
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    pub fn string(text: &str) -> Value {
        Value::String(text.to_string())
    }

    /// Two-space indented text, for files a person may open.
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        write_value(self, &mut out, Some(0));
        out.push('\n');
        out
    }

    /// Compact text, for storage.
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        write_value(self, &mut out, None);
        out
    }
}

pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.at < parser.bytes.len() {
        return Err(JsonError::Syntax);
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Result<u8, JsonError> {
        let byte = self.peek().ok_or(JsonError::Eof)?;
        self.at += 1;
        Ok(byte)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect_word(&mut self, word: &[u8], value: Value) -> Result<Value, JsonError> {
        for expected in word {
            if self.next()? != *expected {
                return Err(JsonError::Syntax);
            }
        }
        Ok(value)
    }

    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::TooDeep);
        }
        self.skip_whitespace();
        match self.peek().ok_or(JsonError::Eof)? {
            b'n' => self.expect_word(b"null", Value::Null),
            b't' => self.expect_word(b"true", Value::Bool(true)),
            b'f' => self.expect_word(b"false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'[' => self.array(depth),
            b'{' => self.object(depth),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(JsonError::Syntax),
        }
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let digits = |p: &mut Self| {
            let from = p.at;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.at += 1;
            }
            p.at > from
        };
        if !digits(self) {
            return Err(if self.peek().is_none() {
                JsonError::Eof
            } else {
                JsonError::Syntax
            });
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(JsonError::Syntax);
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(JsonError::Syntax);
            }
        }
        let text = std::str::from_utf8(self.bytes.get(start..self.at).unwrap_or_default())
            .map_err(|_| JsonError::Syntax)?;
        Ok(Value::Number(text.to_string()))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = (self.next()? as char)
                .to_digit(16)
                .ok_or(JsonError::Syntax)?;
            code = code * 16 + digit;
        }
        Ok(code)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1; // the opening quote
        let mut out = Vec::new();
        loop {
            match self.next()? {
                b'"' => break,
                b'\\' => match self.next()? {
                    b'"' => out.push(b'"'),
                    b'\\' => out.push(b'\\'),
                    b'/' => out.push(b'/'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'u' => {
                        let mut code = self.hex4()?;
                        if (0xD800..0xDC00).contains(&code) {
                            // A surrogate pair encodes one character beyond the BMP.
                            if self.next()? != b'\\' || self.next()? != b'u' {
                                return Err(JsonError::Syntax);
                            }
                            let low = self.hex4()?;
                            if !(0xDC00..0xE000).contains(&low) {
                                return Err(JsonError::Syntax);
                            }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                        }
                        let c = char::from_u32(code).ok_or(JsonError::Syntax)?;
                        let mut buffer = [0; 4];
                        out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                    }
                    _ => return Err(JsonError::Syntax),
                },
                byte if byte < 0x20 => return Err(JsonError::Syntax),
                byte => out.push(byte),
            }
        }
        String::from_utf8(out).map_err(|_| JsonError::Syntax)
    }

    fn array(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            match self.next()? {
                b',' => continue,
                b']' => return Ok(Value::Array(items)),
                _ => return Err(JsonError::Syntax),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.at += 1;
        let mut entries = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(entries));
        }
        loop {
            self.skip_whitespace();
            if self.peek().ok_or(JsonError::Eof)? != b'"' {
                return Err(JsonError::Syntax);
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.next()? != b':' {
                return Err(JsonError::Syntax);
            }
            let value = self.value(depth + 1)?;
            entries.push((key, value));
            self.skip_whitespace();
            match self.next()? {
                b',' => continue,
                b'}' => return Ok(Value::Object(entries)),
                _ => return Err(JsonError::Syntax),
            }
        }
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let code = c as u32;
                out.push_str("\\u00");
                out.push(char::from_digit(code >> 4, 16).unwrap_or('0'));
                out.push(char::from_digit(code & 15, 16).unwrap_or('0'));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn newline(out: &mut String, indent: Option<usize>) {
    if let Some(level) = indent {
        out.push('\n');
        for _ in 0..level {
            out.push_str("  ");
        }
    }
}

fn write_value(value: &Value, out: &mut String, indent: Option<usize>) {
    let inner = indent.map(|level| level + 1);
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(text) => out.push_str(text),
        Value::String(text) => write_string(text, out),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(entries) if entries.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, inner);
                write_value(item, out, inner);
            }
            newline(out, indent);
            out.push(']');
        }
        Value::Object(entries) => {
            out.push('{');
            for (i, (key, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, inner);
                write_string(key, out);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value(item, out, inner);
            }
            newline(out, indent);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn from_serde(value: &serde_json::Value) -> Value {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.to_string()),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(items) => Value::Array(items.iter().map(from_serde).collect()),
            serde_json::Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), from_serde(v)))
                    .collect(),
            ),
        }
    }

    #[test]
    fn reads_what_json_allows() {
        let text = r#" {"a": [1, -2, 3.5e2, true, false, null], "b": "å\"\\\/\b\f\n\r\t\u00e5\ud83d\ude00", "c": {}} "#;
        let value = parse(text);
        assert_eq!(
            value
                .as_ref()
                .ok()
                .and_then(|v| v.get("b"))
                .and_then(Value::as_str),
            Some("å\"\\/\u{8}\u{c}\n\r\tå😀")
        );
        assert_eq!(
            value
                .as_ref()
                .ok()
                .and_then(|v| v.get("a"))
                .map(|a| a.to_compact()),
            Some("[1,-2,3.5e2,true,false,null]".into())
        );
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        for (text, error) in [
            ("", JsonError::Eof),
            ("{\"a\": ", JsonError::Eof),
            ("[1, 2", JsonError::Eof),
            ("\"abc", JsonError::Eof),
            ("{a: 1}", JsonError::Syntax),
            ("[1,]", JsonError::Syntax),
            ("01x", JsonError::Syntax),
            ("\"\\x\"", JsonError::Syntax),
            ("\"\\ud800\"", JsonError::Syntax),
            ("nul", JsonError::Eof),
            ("nulL", JsonError::Syntax),
            ("{} {}", JsonError::Syntax),
            ("\"a\nb\"", JsonError::Syntax),
        ] {
            assert_eq!(parse(text), Err(error), "{text:?}");
        }
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 2), "]".repeat(MAX_DEPTH + 2));
        assert_eq!(parse(&deep), Err(JsonError::TooDeep));
    }

    fn any_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<String>().prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(5, 64, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                proptest::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// Agrees with serde_json on anything serde_json writes, compact or pretty, and
        /// what we write parses back to the same value.
        #[test]
        fn agrees_with_serde_json(value in any_json()) {
            let expected = from_serde(&value);
            let compact = serde_json::to_string(&value).unwrap_or_default();
            let pretty = serde_json::to_string_pretty(&value).unwrap_or_default();
            prop_assert_eq!(parse(&compact), Ok(expected.clone()));
            prop_assert_eq!(parse(&pretty), Ok(expected.clone()));
            prop_assert_eq!(parse(&expected.to_pretty()), Ok(expected.clone()));
            prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&expected.to_compact()).ok(), Some(value));
        }

        #[test]
        fn never_panics(text in any::<String>()) {
            let _ = parse(&text);
        }

        #[test]
        fn never_panics_near_json(text in "[\\[\\]{}\",:0-9a-z\\\\ -]{0,40}") {
            let _ = parse(&text);
        }
    }
}
