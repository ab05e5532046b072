//! One module per step of the form.

pub mod start;
