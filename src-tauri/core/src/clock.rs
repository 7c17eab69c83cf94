//! Wall-clock time as Unix milliseconds, the unit every timestamp in the store uses.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;

pub fn now_ms() -> i64 {
    // A clock set before 1970 is a broken machine, not user data; treat it as the epoch.
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// "2026-11-26" for a Unix-millisecond time, in UTC.
pub fn iso_date(ms: i64) -> String {
    // Days to civil date (proleptic Gregorian), after Howard Hinnant's algorithm.
    let z = ms.div_euclid(DAY_MS) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The day number (days since 1970-01-01) of a "2026-11-26" date, if it is
/// a real day (from 2000 on, as `is_real_date` takes them); the inverse of [`iso_date`].
pub fn day_number(iso: &str) -> Option<i64> {
    if !crate::content::is_real_date(iso) {
        return None;
    }
    let part = |range: std::ops::Range<usize>| iso.get(range).and_then(|p| p.parse::<i64>().ok());
    let (year, month, day) = (part(0..4)?, part(5..7)?, part(8..10)?);
    // Civil date to days, after Howard Hinnant's algorithm.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_and_iso_dates_are_inverses() {
        for day in [10_957, 11_016, 11_017, 20_789, 2_932_896] {
            assert_eq!(day_number(&iso_date(day * DAY_MS)), Some(day), "{day}");
        }
        assert_eq!(day_number("2000-01-01"), Some(10_957));
        assert_eq!(day_number("2000-02-29"), Some(11_016));
        assert_eq!(day_number("2026-02-30"), None);
        assert_eq!(day_number("26-12-01"), None);
    }
}
