//! The shipped library, beyond the format's own rules: its categories,
//! enough comparisons in each, known tags, and items with substance.

use std::collections::{HashMap, HashSet};

use versus_core::content::{embedded_library, Comparison, CATEGORIES, CLOUD_TAGS, TOPIC_TAGS};

const MIN_PER_CATEGORY: usize = 4;
const MIN_COMPARISONS: usize = 100;
const MIN_CATEGORIES: usize = 14;
const MIN_TEXT_CHARS: usize = 30;

fn library() -> Vec<Comparison> {
    embedded_library().unwrap_or_else(|e| panic!("{e}")).comparisons
}

/// Every problem, so one run lists them all.
fn problems_of(comparisons: &[Comparison]) -> Vec<String> {
    let mut problems = Vec::new();
    let known_tags: HashSet<&str> = CLOUD_TAGS.iter().chain(TOPIC_TAGS.iter()).copied().collect();
    let mut ids = HashSet::new();
    let mut titles = HashSet::new();
    for c in comparisons {
        let at = &c.id;
        if !ids.insert(c.id.as_str()) {
            problems.push(format!("{at}: duplicate comparison id"));
        }
        if !titles.insert(c.title.to_lowercase()) {
            problems.push(format!("{at}: duplicate title {:?}", c.title));
        }
        if !CATEGORIES.contains(&c.category.as_str()) {
            problems.push(format!("{at}: category {:?} is not one of the library's categories", c.category));
        }
        for tag in &c.tags {
            if !known_tags.contains(tag.0.as_str()) {
                problems.push(format!("{at}: tag {:?} is not in the known list", tag.0));
            }
        }
        if !c.tags.iter().any(|t| CLOUD_TAGS.contains(&t.0.as_str())) {
            problems.push(format!("{at}: no cloud tag (one of {CLOUD_TAGS:?})"));
        }
        for (section, count, range) in [
            ("differences", c.differences.len(), 4..=8),
            ("tradeoffs", c.tradeoffs.len(), 3..=6),
            ("mistakes", c.mistakes.len(), 3..=6),
        ] {
            if !range.contains(&count) {
                problems.push(format!("{at}: {count} {section}, expected {range:?}"));
            }
        }
        let mut texts: Vec<(String, &str)> =
            c.items().into_iter().map(|(section, item, text)| (format!("{section} {item}"), text)).collect();
        texts.extend(c.subjects.iter().map(|s| (format!("subject {} name", s.id), s.name.as_str())));
        let mut seen = HashSet::new();
        for (place, text) in &texts {
            let trimmed = text.trim();
            let is_name = place.ends_with(" name");
            if trimmed.is_empty() {
                problems.push(format!("{at}: {place} is empty"));
            } else if !is_name && trimmed.chars().count() < MIN_TEXT_CHARS {
                problems
                    .push(format!("{at}: {place} is shorter than {MIN_TEXT_CHARS} characters: {trimmed:?}"));
            }
            if !is_name && !seen.insert(trimmed.to_lowercase()) {
                problems.push(format!("{at}: {place} repeats another item's text"));
            }
        }
    }
    let mut per_category: HashMap<&str, usize> = HashMap::new();
    for c in comparisons {
        *per_category.entry(c.category.as_str()).or_default() += 1;
    }
    for category in CATEGORIES {
        let count = per_category.get(category).copied().unwrap_or(0);
        if count < MIN_PER_CATEGORY {
            problems.push(format!("category {category:?} has {count} comparisons, needs {MIN_PER_CATEGORY}"));
        }
    }
    if comparisons.len() < MIN_COMPARISONS {
        problems.push(format!("{} comparisons in all, needs {MIN_COMPARISONS}", comparisons.len()));
    }
    problems
}

#[test]
fn the_shipped_library_meets_every_library_rule() {
    let comparisons = library();
    let problems = problems_of(&comparisons);
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_library_rules_catch_what_they_promise() {
    let good = library();
    let mut bad = good.clone();
    bad[1].id = bad[0].id.clone();
    bad[2].title = bad[3].title.to_uppercase();
    bad[4].category = "Misc".into();
    bad[5].tags[0].0 = "k8s-stuff".into();
    bad[6].tradeoffs[0].text = "Too short.".into();
    bad[7].mistakes[1].text = bad[7].mistakes[0].text.clone();
    bad[8].differences.truncate(3);
    let problems = problems_of(&bad).join("\n");
    for expected in [
        "duplicate comparison id",
        "duplicate title",
        "is not one of the library's categories",
        "is not in the known list",
        "shorter than 30 characters",
        "repeats another item's text",
        "3 differences",
    ] {
        assert!(problems.contains(expected), "missing {expected:?} in:\n{problems}");
    }
    let few: Vec<Comparison> = good.iter().filter(|c| c.category != "Caching").cloned().collect();
    assert!(problems_of(&few).join("\n").contains("\"Caching\" has 0 comparisons"));
    assert!(problems_of(&good[..10]).join("\n").contains("needs 100"));
}

#[test]
fn every_category_has_its_folder_and_there_are_enough_of_them() {
    assert!(CATEGORIES.len() >= MIN_CATEGORIES, "{} categories, needs {MIN_CATEGORIES}", CATEGORIES.len());
    let root = crate::support::repo_root().join("content");
    for category in CATEGORIES {
        let folder = root.join(versus_core::content::category_slug(category));
        assert!(folder.is_dir(), "{} is missing", folder.display());
    }
}
