//! The download bundle (filled in by the bundle work).
