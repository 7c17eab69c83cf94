//! The hybrid logical clock that stamps every change sync sends.
//!
//! Stamps come from a clock kept in the store: never behind the last stamp
//! this device made or saw, so a clock set back never puts a device's own
//! later change behind its earlier one, and a change made after reading
//! another device's is stamped after it. (A crate such as `uhlc` keeps its
//! clock in memory and refuses stamps far ahead of the local clock; devices
//! here may be hours apart and the clock must outlive a restart, so it is
//! these few lines over SQLite.)

use rusqlite::{Connection, Transaction};

use crate::error::Result;
use crate::sync::folder::is_device_id;
use crate::sync::state::{meta, set_meta};

/// A hybrid-logical-clock reading: wall milliseconds, then a counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct Clock {
    pub ms: i64,
    pub counter: u32,
}

/// Wall times a stamp may carry: 15 digits keep text order and number order alike.
pub(crate) const MAX_MS: i64 = 999_999_999_999_999;

impl Clock {
    fn parse_parts(text: &str) -> Option<(Clock, &str)> {
        let mut parts = text.splitn(3, '-');
        let ms = parts.next()?.parse().ok()?;
        let counter = parts.next()?.parse().ok()?;
        Some((Clock { ms, counter }, parts.next().unwrap_or("")))
    }

    /// A stamp another device made, only in the one form this code writes:
    /// any other would sort out of order as text, or pass for another stamp.
    pub fn parse_stamp(stamp: &str) -> Option<Clock> {
        let (clock, device) = Clock::parse_parts(stamp)?;
        (is_device_id(device) && (0..=MAX_MS).contains(&clock.ms) && clock.stamp(device) == stamp)
            .then_some(clock)
    }

    /// The next stamp at wall time `now`: after every stamp made or seen.
    pub fn tick(&mut self, now: i64) -> Clock {
        if now > self.ms {
            *self = Clock { ms: now.min(MAX_MS), counter: 0 };
        } else if self.counter == u32::MAX {
            // A counter run out (only a hostile stamp gets there) moves time on instead.
            *self = Clock { ms: self.ms + 1, counter: 0 };
        } else {
            self.counter += 1;
        }
        *self
    }

    pub fn observe(&mut self, seen: Clock) {
        *self = (*self).max(seen);
    }

    /// Sorts as text in stamp order; the device breaks ties.
    pub fn stamp(self, device: &str) -> String {
        format!("{:015}-{:06}-{device}", self.ms.max(0), self.counter)
    }

    /// The clock as the last sync left it.
    pub fn load(conn: &Connection) -> Result<Clock> {
        Ok(meta(conn, "clock")?
            .and_then(|c| Clock::parse_parts(&c).map(|(clock, _)| clock))
            .unwrap_or_default())
    }

    pub fn save(self, tx: &Transaction<'_>) -> Result<()> {
        set_meta(tx, "clock", &format!("{}-{}", self.ms, self.counter))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_stamps_in_the_written_form_are_taken() {
        let device = "device-0123456789abcdef";
        let stamp = Clock { ms: 1_790_000_000_000, counter: 7 }.stamp(device);
        assert_eq!(Clock::parse_stamp(&stamp), Some(Clock { ms: 1_790_000_000_000, counter: 7 }));
        for bad in [
            "1-1-device-0123456789abcdef",
            "001790000000000-000007-Device",
            "001790000000000-000007-",
            "-01790000000000-000007-device-0123456789abcdef",
            "001790000000000-000007",
            "",
        ] {
            assert_eq!(Clock::parse_stamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_clock_never_goes_back_and_never_overflows() {
        let mut clock = Clock { ms: 100, counter: u32::MAX };
        assert_eq!(clock.tick(50), Clock { ms: 101, counter: 0 });
        assert_eq!(clock.tick(50), Clock { ms: 101, counter: 1 });
        assert_eq!(clock.tick(200), Clock { ms: 200, counter: 0 });
        let mut far = Clock::default();
        assert!(far.tick(i64::MAX).ms <= MAX_MS);
    }
}
