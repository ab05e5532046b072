//! A small e-mail address check. validator's `email` rule would add about 230 KB of
//! wasm (IDNA tables) to every first load; this catches the typing mistakes that matter
//! (missing @, missing domain, spaces) and leaves deliverability to the receiver.

/// True for `local@domain.tld` with no whitespace, one `@`, a dot in the domain that is
/// neither first nor last, and no empty domain labels.
pub fn looks_like_email(input: &str) -> bool {
    let value = input.trim();
    if value.len() > 254 || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let mut parts = value.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    if local.is_empty() || local.len() > 64 || local.starts_with('.') || local.ends_with('.') {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && // Non-ASCII letters are allowed for internationalised domains; checking
                // them against Unicode tables would cost more wasm than it catches.
                label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || !c.is_ascii())
        })
}

#[cfg(test)]
mod tests {
    use super::looks_like_email;

    #[test]
    fn accepts_ordinary_addresses() {
        for ok in [
            "anna.larsson@skelleftea.se",
            "  rektor@skola.skelleftea.se ",
            "a+b@example.org",
            "åsa@exempel.se",
        ] {
            assert!(looks_like_email(ok), "{ok}");
        }
    }

    #[test]
    fn rejects_typing_mistakes() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@skelleftea.se",
            "anna@skelleftea",
            "anna@@skelleftea.se",
            "anna larsson@skelleftea.se",
            "anna@skelleftea..se",
            "anna@.se",
            "anna@skelleftea.se.",
            ".anna@skelleftea.se",
        ] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }
}
