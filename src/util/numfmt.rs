//! Numbers the Vietnamese way: decimal comma, thousands dot.

/// Round half away from zero at `decimals` places, working on the decimal
/// text so that 72.125 with 2 decimals gives 72,13 (not 72,12 from binary).
fn fixed(v: f64, decimals: u8) -> String {
    let d = decimals.min(10) as usize;
    // Format with extra digits, then round the decimal string ourselves.
    let wide = format!("{:.*}", d + 6, v.abs());
    let (int_part, frac_part) = wide.split_once('.').unwrap_or((&wide, ""));
    let mut digits: Vec<u8> = int_part
        .bytes()
        .chain(frac_part.bytes().take(d))
        .map(|b| b - b'0')
        .collect();
    let next = frac_part.as_bytes().get(d).map(|b| b - b'0').unwrap_or(0);
    if next >= 5 {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, 1);
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let int_len = digits.len() - d;
    let int_digits: String = digits[..int_len]
        .iter()
        .map(|d| (b'0' + d) as char)
        .collect();
    let frac_digits: String = digits[int_len..]
        .iter()
        .map(|d| (b'0' + d) as char)
        .collect();
    let is_zero = digits.iter().all(|&x| x == 0);
    let sign = if v < 0.0 && !is_zero { "-" } else { "" };
    if d == 0 {
        format!("{sign}{int_digits}")
    } else {
        format!("{sign}{int_digits}.{frac_digits}")
    }
}

/// `72.1` with 2 decimals → `72,10`; `12345.5` with 1 → `12.345,5`.
pub fn format_number(v: f64, decimals: u8) -> String {
    if !v.is_finite() {
        return "–".to_string();
    }
    let s = fixed(v, decimals);
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int_part, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

/// A value with its display unit: `86,29%`, `72,10 điểm`. A `%` sticks to the
/// number; any other unit follows after a space.
pub fn format_with_unit(v: f64, decimals: u8, unit: &str) -> String {
    let n = format_number(v, decimals);
    match unit {
        "" => n,
        "%" => format!("{n}%"),
        u => format!("{n} {u}"),
    }
}

/// `2/8`
pub fn format_rank(rank: u32, of: u32) -> String {
    format!("{rank}/{of}")
}

/// From rank `from` to rank `to` (1 is best): `tăng 6 bậc`, `giảm 3 bậc`,
/// `giữ nguyên`.
pub fn format_rank_change(from: u32, to: u32) -> String {
    use std::cmp::Ordering::*;
    match to.cmp(&from) {
        Less => format!("tăng {} bậc", from - to),
        Greater => format!("giảm {} bậc", to - from),
        Equal => "giữ nguyên".to_string(),
    }
}

/// Shown where a value is missing: never 0.
pub const NO_DATA: &str = "không có số liệu";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_comma_and_padding() {
        assert_eq!(format_number(72.1, 2), "72,10");
        assert_eq!(format_number(86.29, 2), "86,29");
        assert_eq!(format_number(0.5, 0), "1");
        assert_eq!(format_number(7.0, 4), "7,0000");
    }

    #[test]
    fn thousands_dot() {
        assert_eq!(format_number(12345.5, 1), "12.345,5");
        assert_eq!(format_number(1234567.0, 0), "1.234.567");
        assert_eq!(format_number(-1234.5, 1), "-1.234,5");
    }

    #[test]
    fn rounds_half_up_on_decimal_text() {
        assert_eq!(format_number(72.125, 2), "72,13");
        assert_eq!(format_number(9.995, 2), "10,00");
        assert_eq!(format_number(-0.001, 2), "0,00");
    }

    #[test]
    fn units_and_ranks() {
        assert_eq!(format_with_unit(86.29, 2, "%"), "86,29%");
        assert_eq!(format_with_unit(72.1, 2, "điểm"), "72,10 điểm");
        assert_eq!(format_rank(2, 8), "2/8");
        assert_eq!(format_rank_change(8, 2), "tăng 6 bậc");
        assert_eq!(format_rank_change(2, 5), "giảm 3 bậc");
        assert_eq!(format_rank_change(4, 4), "giữ nguyên");
    }
}
