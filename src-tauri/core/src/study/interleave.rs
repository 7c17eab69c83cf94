//! The order of a session: new cards chosen across comparisons (those the
//! learner is working on first), and the whole queue interleaved so that two
//! cards of one comparison never come back to back while others wait.
//! Interleaved practice is how people learn to tell similar things apart
//! (Rohrer, 2012); blocks of one comparison teach the comparison's order.

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A card waiting in the queue, with the comparison it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub card: i64,
    pub comparison: String,
}

/// A new card that could be introduced today; `touched` is when the learner
/// last opened or annotated its comparison, if ever.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCandidate {
    pub card: i64,
    pub comparison: String,
    pub touched: Option<i64>,
}

/// A well-mixed 64-bit hash (splitmix64), so a day's seed gives the same
/// order on every reload and another order the next day.
pub fn mix(seed: i64, value: i64) -> u64 {
    let mut z = (seed as u64) ^ (value as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn text_hash(seed: i64, text: &str) -> u64 {
    text.bytes().fold(mix(seed, text.len() as i64), |h, b| mix(h as i64, i64::from(b)))
}

/// Chooses up to `limit` new cards: first from the comparisons the learner
/// touched, most recent first, then from the rest in an order that changes
/// with `seed`; within each tier one card per comparison in turn, and within
/// a comparison its kinds and items mixed by `seed`.
pub fn choose_new(candidates: Vec<NewCandidate>, limit: usize, seed: i64) -> Vec<Waiting> {
    let mut groups: HashMap<String, (Option<i64>, Vec<i64>)> = HashMap::new();
    for c in candidates {
        let group = groups.entry(c.comparison).or_insert((c.touched, Vec::new()));
        group.0 = group.0.max(c.touched);
        group.1.push(c.card);
    }
    let mut ordered: Vec<(String, Option<i64>, Vec<i64>)> = groups
        .into_iter()
        .map(|(comparison, (touched, mut cards))| {
            cards.sort_by_key(|&card| (mix(seed, card), card));
            (comparison, touched, cards)
        })
        .collect();
    ordered.sort_by(|a, b| match (a.1, b.1) {
        (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.0.cmp(&b.0)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => (text_hash(seed, &a.0), &a.0).cmp(&(text_hash(seed, &b.0), &b.0)),
    });
    let (touched, untouched): (Vec<_>, Vec<_>) = ordered.into_iter().partition(|g| g.1.is_some());
    let mut chosen = Vec::new();
    for tier in [touched, untouched] {
        round_robin(tier, limit, &mut chosen);
    }
    chosen
}

fn round_robin(tier: Vec<(String, Option<i64>, Vec<i64>)>, limit: usize, chosen: &mut Vec<Waiting>) {
    let mut lanes: Vec<(String, std::vec::IntoIter<i64>)> =
        tier.into_iter().map(|(comparison, _, cards)| (comparison, cards.into_iter())).collect();
    while chosen.len() < limit && !lanes.is_empty() {
        lanes.retain_mut(|(comparison, cards)| {
            if chosen.len() >= limit {
                return true;
            }
            match cards.next() {
                Some(card) => {
                    chosen.push(Waiting { card, comparison: comparison.clone() });
                    true
                }
                None => false,
            }
        });
    }
}

/// Reorders `queue` so that no two neighbours share a comparison whenever
/// that is possible, keeping each comparison's cards in their order and
/// otherwise staying as close to the given order as it can: at each step the
/// earliest waiting card not of the comparison just shown, unless one
/// comparison holds more than half of what is left (it must go now, or its
/// cards would end up side by side).
pub fn interleave(queue: Vec<Waiting>) -> Vec<i64> {
    let total = queue.len();
    let mut lanes: BTreeMap<String, std::collections::VecDeque<(usize, i64)>> = BTreeMap::new();
    for (rank, w) in queue.into_iter().enumerate() {
        lanes.entry(w.comparison).or_default().push_back((rank, w.card));
    }
    // (rank of the lane's first card, lane) and (cards left, lane).
    let mut by_head: BTreeSet<(usize, String)> = lanes.iter().map(|(c, l)| (l[0].0, c.clone())).collect();
    let mut by_size: BTreeSet<(usize, String)> = lanes.iter().map(|(c, l)| (l.len(), c.clone())).collect();
    let mut order = Vec::with_capacity(total);
    let mut last: Option<String> = None;
    while order.len() < total {
        let left = total - order.len();
        let forced = by_size
            .iter()
            .next_back()
            .filter(|(size, lane)| size * 2 > left && Some(lane) != last.as_ref())
            .map(|(_, lane)| lane.clone());
        let lane = match forced {
            Some(lane) => lane,
            None => by_head
                .iter()
                .find(|(_, lane)| Some(lane) != last.as_ref())
                .or_else(|| by_head.iter().next())
                .map(|(_, lane)| lane.clone())
                .unwrap_or_default(),
        };
        let Some(cards) = lanes.get_mut(&lane) else { break };
        let size = cards.len();
        let Some((rank, card)) = cards.pop_front() else { break };
        by_head.remove(&(rank, lane.clone()));
        by_size.remove(&(size, lane.clone()));
        if let Some(&(next_rank, _)) = cards.front() {
            by_head.insert((next_rank, lane.clone()));
            by_size.insert((size - 1, lane.clone()));
        }
        order.push(card);
        last = Some(lane);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn waiting(spec: &[(i64, &str)]) -> Vec<Waiting> {
        spec.iter().map(|&(card, c)| Waiting { card, comparison: c.into() }).collect()
    }

    fn comparisons_in(order: &[i64], queue: &[Waiting]) -> Vec<String> {
        order.iter().map(|id| queue.iter().find(|w| w.card == *id).unwrap().comparison.clone()).collect()
    }

    fn adjacent_repeats(names: &[String]) -> usize {
        names.windows(2).filter(|w| w[0] == w[1]).count()
    }

    #[test]
    fn blocks_are_broken_up_and_each_comparisons_order_is_kept() {
        let queue = waiting(&[(1, "a"), (2, "a"), (3, "a"), (4, "b"), (5, "b"), (6, "c")]);
        let order = interleave(queue.clone());
        assert_eq!(order.len(), 6);
        assert_eq!(adjacent_repeats(&comparisons_in(&order, &queue)), 0, "{order:?}");
        let a: Vec<i64> = order.iter().copied().filter(|id| *id <= 3).collect();
        assert_eq!(a, vec![1, 2, 3]);
        assert_eq!(order[0], 1, "the first card stays first");
    }

    #[test]
    fn on_random_queues_no_comparison_repeats_when_avoidable() {
        for seed in 0..300 {
            let n = (mix(seed, 1) % 40) as usize;
            let lanes = 1 + (mix(seed, 2) % 6) as i64;
            let queue: Vec<Waiting> = (0..n as i64)
                .map(|i| Waiting { card: i, comparison: format!("c{}", mix(seed, i) as i64 % lanes) })
                .collect();
            let order = interleave(queue.clone());
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..n as i64).collect::<Vec<_>>(), "every card once");
            let names = comparisons_in(&order, &queue);
            let mut counts: HashMap<&String, usize> = HashMap::new();
            for name in &queue {
                *counts.entry(&name.comparison).or_default() += 1;
            }
            let largest = counts.values().copied().max().unwrap_or(0);
            let unavoidable = (2 * largest).saturating_sub(n + 1);
            assert_eq!(adjacent_repeats(&names), unavoidable, "seed {seed}: {names:?}");
        }
    }

    #[test]
    fn new_cards_of_touched_comparisons_come_first_then_one_per_comparison_in_turn() {
        let mut candidates = Vec::new();
        for (comparison, touched) in [("a", None), ("b", Some(5)), ("c", None), ("d", Some(9))] {
            for i in 0..4 {
                candidates.push(NewCandidate {
                    card: i64::from(comparison.as_bytes()[0]) * 10 + i,
                    comparison: comparison.into(),
                    touched,
                });
            }
        }
        let chosen = choose_new(candidates.clone(), 10, 42);
        let names: Vec<&str> = chosen.iter().map(|w| w.comparison.as_str()).collect();
        assert_eq!(&names[..8], ["d", "b", "d", "b", "d", "b", "d", "b"]);
        assert_eq!(names[8..].iter().filter(|n| **n == "a" || **n == "c").count(), 2);
        assert_ne!(names[8], names[9], "one per comparison in turn");
        assert_eq!(choose_new(candidates.clone(), 10, 42), chosen, "the same seed, the same order");
        let other_days: Vec<Vec<Waiting>> = (0..8).map(|s| choose_new(candidates.clone(), 16, s)).collect();
        assert!(other_days.windows(2).any(|w| w[0] != w[1]), "the mix changes with the seed");
    }
}
