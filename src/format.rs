//! Numbers and booleans as text without `core::fmt`.
//!
//! `format!`, `to_string()` on numbers and `{}` pull Rust's whole formatting machinery into the
//! wasm (`fmt::write`, `Formatter`, padding, the integer tables). Nothing else in the bundle uses
//! it, so the widget builds its few strings with `concat`/`join` and these helpers instead
//! (issue 7, BENCHMARKS.md "Size work").

/// `n` in decimal digits, as `n.to_string()` would write it.
pub fn decimal(n: impl Into<u64>) -> String {
    let mut n = n.into();
    let mut digits = String::new();
    loop {
        // `n % 10` is below 10, so the digit is an ASCII `0`–`9`.
        digits.insert(0, char::from(b'0' + (n % 10) as u8));
        n /= 10;
        if n == 0 {
            return digits;
        }
    }
}

/// `"true"` or `"false"`, for ARIA states such as `aria-disabled`.
pub fn boolean(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_writes_edge_values() {
        assert_eq!(decimal(0u8), "0");
        assert_eq!(decimal(7u16), "7");
        assert_eq!(decimal(10u32), "10");
        assert_eq!(decimal(2025u64), "2025");
        assert_eq!(decimal(u64::MAX), u64::MAX.to_string());
    }

    #[test]
    fn boolean_is_the_aria_token() {
        assert_eq!(boolean(true), "true");
        assert_eq!(boolean(false), "false");
    }
}
