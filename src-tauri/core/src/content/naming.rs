//! How a comparison's text names its subjects: every form a name takes, so
//! a card can blank them out and a scenario can be checked to name none.

#[derive(Debug, Clone)]
pub struct SubjectName {
    pub id: String,
    pub name: String,
    /// Short forms of the name ("lake"), blanked like it.
    pub aliases: Vec<String>,
}

impl SubjectName {
    pub fn of(subject: &crate::content::Subject) -> SubjectName {
        SubjectName { id: subject.id.clone(), name: subject.name.clone(), aliases: subject.aliases.clone() }
    }
}

const VENDOR_PREFIXES: [&str; 7] =
    ["Amazon ", "AWS ", "Azure ", "Microsoft ", "Google Cloud ", "Google ", "GCP "];
pub const BLANK: &str = "_____";

/// Every way a text may name the subjects: full names, names without a
/// vendor prefix, the part in parentheses and the part before it, the
/// subject ids as words, the title's parts, each also as plural and singular.
pub fn subject_forms(title: &str, subjects: &[SubjectName]) -> Vec<String> {
    let mut forms: Vec<String> = Vec::new();
    let mut add = |form: &str| {
        let form = form.trim();
        if form.chars().filter(|c| c.is_alphanumeric()).count() >= 2 {
            forms.push(form.to_string());
        }
    };
    let mut bases: Vec<String> = title.split(" vs ").map(str::to_string).collect();
    for subject in subjects {
        bases.push(subject.name.clone());
        bases.push(subject.id.replace('-', " "));
        bases.extend(subject.aliases.iter().cloned());
    }
    let mut expanded = Vec::new();
    for base in bases {
        expanded.push(base.clone());
        if let (Some(open), Some(close)) = (base.find('('), base.rfind(')')) {
            if open < close {
                expanded.push(base[open + 1..close].to_string());
                expanded.push(format!("{}{}", &base[..open], &base[close + 1..]));
            }
        }
    }
    for base in expanded {
        let mut variants = vec![base.clone()];
        for prefix in VENDOR_PREFIXES {
            if let Some(rest) = base.strip_prefix(prefix) {
                variants.push(rest.to_string());
            }
        }
        for variant in variants {
            add(&variant);
            add(&format!("{variant}s"));
            add(&format!("{variant}es"));
            if let Some(singular) = variant.strip_suffix('s') {
                add(singular);
            }
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    forms
}

/// Replaces every form of every subject's name in `text` (whole words, any
/// case) with a blank.
pub fn blank_subjects(text: &str, title: &str, subjects: &[SubjectName]) -> String {
    let forms = subject_forms(title, subjects);
    let mut out = text.to_string();
    for form in &forms {
        out = replace_word_ignoring_case(&out, form, BLANK);
    }
    // Neighbouring blanks ("_____ _____") read as one.
    while out.contains(&format!("{BLANK} {BLANK}")) {
        out = out.replace(&format!("{BLANK} {BLANK}"), BLANK);
    }
    out
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Case-insensitive (ASCII) whole-word replacement; byte offsets stay valid
/// because ASCII lowercasing never changes a string's length.
pub fn replace_word_ignoring_case(text: &str, word: &str, with: &str) -> String {
    let hay = text.to_ascii_lowercase();
    let needle = word.to_ascii_lowercase();
    if needle.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut from = 0;
    while let Some(found) = hay[from..].find(&needle) {
        let start = from + found;
        let end = start + needle.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !is_word_char(before) && !is_word_char(after) {
            out.push_str(&text[last..start]);
            out.push_str(with);
            last = end;
        }
        from = start + needle.len().max(1);
        if from >= hay.len() {
            break;
        }
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    out.push_str(&text[last..]);
    out
}
