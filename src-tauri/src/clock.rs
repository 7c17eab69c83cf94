//! Wall-clock time as Unix milliseconds, the unit every timestamp in the store uses.

use std::time::{SystemTime, UNIX_EPOCH};

pub fn now_ms() -> i64 {
    // A clock set before 1970 is a broken machine, not user data; treat it as the epoch.
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}
