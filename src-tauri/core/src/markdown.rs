//! Notes are Markdown; the UI only ever receives HTML that is safe by
//! construction, so a note can never run script in the webview.
//!
//! The HTML is written by pulldown-cmark from parser events, which escapes
//! every text and attribute value; what it would pass through unescaped is
//! taken out of the events first:
//! - raw HTML in a note (`<img onerror=…>`, `<script>`) is left out; its text
//!   between tags is Markdown text like any other and stays;
//! - a link whose address is not `http(s):`, `mailto:` or an in-page `#…`
//!   keeps its text but loses the link (`javascript:` and the like);
//! - an image becomes its description: the app shows no remote content.
//!
//! Nesting is capped too: past [`MAX_DEPTH`] open elements, further ones are
//! dropped and their text kept, so a note of 100,000 nested quotes (`>>>>…`)
//! renders as fast as a flat one and nothing the learner wrote disappears.
//!
//! This replaced cleaning the HTML afterwards with a sanitizer (ammonia):
//! that parsed every byte of HTML again, at about 5 MB/s here, so a 1 MiB
//! note took 200–700 ms whatever it held; the figures are in the README
//! (`cargo bench -p versus-core --bench markdown`).

use std::borrow::Cow;

use pulldown_cmark::{html, Event, LinkType, Options, Parser, Tag, TagEnd};

/// Elements open at once beyond which further ones are flattened into their
/// parent. No note a person writes nests this deep.
pub const MAX_DEPTH: usize = 24;

pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let markdown = fenced_markup_floods(capped_quote_markers(markdown));
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, capped(safe(Parser::new_ext(&markdown, options))));
    out
}

/// A line longer than this that is mostly inline markup is shown as code.
const FLOOD_LINE_BYTES: usize = 16 * 1024;

fn is_inline_markup(byte: u8) -> bool {
    matches!(byte, b'*' | b'_' | b'[' | b']' | b'(' | b')' | b'!' | b'`' | b'~' | b'<' | b'>' | b'\\')
}

/// A flood of inline markup: a line over [`FLOOD_LINE_BYTES`] that is more
/// markup characters than anything else (a megabyte of `[` or of `*_`).
fn is_flood(line: &str) -> bool {
    line.len() > FLOOD_LINE_BYTES && line.bytes().filter(|&b| is_inline_markup(b)).count() * 2 > line.len()
}

/// The text with every flood of markup put in a fenced code block, where
/// the parser reads it as plain characters. The parser's cost is per
/// delimiter (130–150 ns here), so a megabyte of them took 150 ms as
/// Markdown and takes a few ms as code; a person's notes have no such line,
/// and every character still shows as typed.
fn fenced_markup_floods(markdown: Cow<'_, str>) -> Cow<'_, str> {
    if !markdown.lines().any(is_flood) {
        return markdown;
    }
    let mut out = String::with_capacity(markdown.len() + 64);
    for line in markdown.split_inclusive('\n') {
        if is_flood(line) {
            // A fence longer than any run of backticks in the line.
            let longest = line.split(|c| c != '`').map(str::len).max().unwrap_or(0);
            let fence = "`".repeat(longest.max(2) + 1);
            out.push_str(&format!("\n{fence}\n{}\n{fence}\n\n", line.trim_end_matches('\n')));
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// The markers (`>`, spaces) at the start of a line.
fn quote_prefix(line: &str) -> &str {
    let len = line.bytes().take_while(|b| matches!(b, b'>' | b' ' | b'\t')).count();
    &line[..len]
}

fn quote_depth(line: &str) -> usize {
    quote_prefix(line).bytes().filter(|&b| b == b'>').count()
}

/// The text with every line's quote markers past [`MAX_DEPTH`] taken out
/// before parsing: the parser would build a node per marker (a line of a
/// million `>` is a million nested quotes), only for [`capped`] to drop them.
fn capped_quote_markers(markdown: &str) -> Cow<'_, str> {
    if !markdown.lines().any(|line| quote_depth(line) > MAX_DEPTH) {
        return Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.split_inclusive('\n') {
        if quote_depth(line) > MAX_DEPTH {
            out.push_str(&"> ".repeat(MAX_DEPTH));
            out.push_str(&line[quote_prefix(line).len()..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// Whether a link may keep its address: the web, mail, or a place on the
/// page. Anything else (a script, a file, another app's scheme) is inert.
fn is_safe_address(address: &str) -> bool {
    let lower = address.to_ascii_lowercase();
    // Browsers skip control characters and spaces inside a scheme
    // ("java\tscript:"); an address holding any is refused outright.
    !address.chars().any(|c| c.is_control() || c.is_whitespace())
        && (lower.starts_with("https://")
            || lower.starts_with("http://")
            || lower.starts_with("mailto:")
            || lower.starts_with('#'))
}

/// The events with raw HTML, unsafe link addresses and images taken out.
fn safe<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    // One entry per open link or image: whether its start was kept.
    let mut open: Vec<bool> = Vec::new();
    events.filter_map(move |event| match event {
        Event::Html(_) | Event::InlineHtml(_) => None,
        Event::Start(Tag::Link { link_type, ref dest_url, .. }) => {
            // An e-mail autolink (`<me@example.com>`) is written with `mailto:` in front.
            let keep = link_type == LinkType::Email || is_safe_address(dest_url);
            open.push(keep);
            keep.then_some(event)
        }
        Event::Start(Tag::Image { .. }) => {
            open.push(false);
            None
        }
        Event::End(TagEnd::Link | TagEnd::Image) => open.pop().unwrap_or(true).then_some(event),
        other => Some(other),
    })
}

/// The events with every element deeper than [`MAX_DEPTH`] left out (its
/// start and its end; its text and its children's text stay).
fn capped<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    // One entry per open element: whether its start was kept.
    let mut open: Vec<bool> = Vec::new();
    let mut depth = 0usize;
    events.filter(move |event| match event {
        Event::Start(_) => {
            let keep = depth < MAX_DEPTH;
            open.push(keep);
            depth += usize::from(keep);
            keep
        }
        Event::End(_) => {
            // The parser balances its events; an unbalanced end is kept as is.
            let keep = open.pop().unwrap_or(true);
            depth -= usize::from(keep && depth > 0);
            keep
        }
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every tag pulldown-cmark writes for the options above, and the
    /// attributes it gives them; anything else in the output is a leak.
    const TAGS: &[&str] = &[
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "code",
        "ol",
        "ul",
        "li",
        "em",
        "strong",
        "del",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "hr",
        "br",
        "input",
    ];
    const ATTRIBUTES: &[&str] = &["href", "title", "class", "start", "style", "type", "checked", "disabled"];

    /// Checks that `html` holds only known tags with known attributes, and
    /// that every `href` is a safe address. Returns the deepest nesting.
    fn audit(html: &str) -> usize {
        let (mut depth, mut deepest) = (0usize, 0usize);
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            rest = &rest[at + 1..];
            let end = rest.find('>').expect("every tag is closed");
            let tag = &rest[..end];
            rest = &rest[end + 1..];
            let closing = tag.starts_with('/');
            let inner = tag.trim_start_matches('/').trim_end_matches('/');
            let (name, mut attributes) = inner.split_once(' ').unwrap_or((inner, ""));
            assert!(TAGS.contains(&name), "unknown tag <{tag}> in {html}");
            // key="value" pairs; pulldown-cmark always quotes values with `"`.
            while let Some((key, after)) = attributes.trim_start().split_once("=\"") {
                let (value, next) = after.split_once('"').expect("a closing quote");
                assert!(ATTRIBUTES.contains(&key), "unknown attribute {key} in <{tag}>");
                if key == "href" && !value.starts_with("mailto:") {
                    assert!(is_safe_address(value), "unsafe href in <{tag}>");
                }
                attributes = next;
            }
            assert!(attributes.trim().is_empty(), "unquoted attribute in <{tag}>");
            if closing {
                depth = depth.saturating_sub(1);
            } else if !["br", "hr", "input"].contains(&name) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        deepest
    }

    #[test]
    fn deep_nesting_is_flattened_and_its_text_kept() {
        let note = format!("{} the bottom of the quotes", ">".repeat(5_000));
        let html = render(&note);
        assert!(html.contains("the bottom of the quotes"), "the text stays");
        assert!(audit(&html) <= MAX_DEPTH);
        let lists: String = (0..200).map(|i| format!("{}- level {i}\n", "  ".repeat(i))).collect();
        let html = render(&lists);
        assert!(html.contains("level 199"));
        assert!(audit(&html) <= MAX_DEPTH);
    }

    #[test]
    fn ordinary_notes_render_as_before() {
        let html = render("> quoted\n\n- a\n  - b\n\n**bold**, *em*, ~~gone~~ and `code`\n\n- [x] done\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n[docs](https://docs.aws.amazon.com/) [top](#top) <mail@example.com>");
        assert!(html.contains("<blockquote>"));
        assert!(html.contains("<ul>\n<li>a\n<ul>\n<li>b</li>"), "{html}");
        assert!(html.contains("<strong>bold</strong>"));
        assert!(html.contains("<del>gone</del>"));
        assert!(html.contains(r#"<a href="https://docs.aws.amazon.com/">docs</a>"#), "{html}");
        assert!(html.contains(r##"<a href="#top">top</a>"##), "{html}");
        assert!(html.contains(r#"<a href="mailto:mail@example.com">"#), "{html}");
        assert!(html.contains("<table>"));
        audit(&html);
    }

    #[test]
    fn raw_html_scripts_and_unsafe_links_never_reach_the_output() {
        let attacks = [
            "<img src=x onerror=alert(1)>",
            "<script>alert(2)</script>",
            "[l](javascript:alert(3))",
            "[l](JaVaScRiPt:alert(3))",
            "[l](java\tscript:alert(3))",
            "[l](<javascript:alert(3)>)",
            "[l](data:text/html,<script>alert(4)</script>)",
            "[l](vbscript:msgbox)",
            "[l](file:///etc/passwd)",
            "![x](https://tracker.example/pixel.png)",
            "<a href=\"javascript:alert(5)\">x</a>",
            "<div onclick=alert(6)>x</div>",
            "<svg><script>alert(7)</script></svg>",
            "[x]: javascript:alert(8)\n\n[x]",
            "<iframe src=https://e.x></iframe>",
            "`<script>` and <style>body{display:none}</style>",
            "\"><script>alert(9)</script>",
            "[l](https://e.x/\"onmouseover=\"alert(10))",
        ];
        for attack in attacks {
            let html = render(attack);
            audit(&html);
            let lower = html.to_ascii_lowercase();
            for banned in [
                "<script",
                "onerror",
                "onclick",
                "javascript:",
                "vbscript:",
                "<img",
                "<iframe",
                "<svg",
                "<style",
            ] {
                assert!(!lower.contains(banned), "{attack:?} rendered {html:?}");
            }
        }
        // Text between raw tags is the learner's text and stays.
        assert!(render("<b>kept words</b>").contains("kept words"));
    }

    #[test]
    fn a_flood_of_markup_shows_as_the_characters_typed() {
        let flood = "*_[`".repeat(10_000);
        let html = render(&format!("before\n\n{flood}\n\n*after*"));
        assert!(html.contains(&flood), "every character is still there");
        assert!(html.contains("<em>after</em>"), "the lines around it are Markdown as usual");
        assert!(!render(&"word ".repeat(5_000)).contains("<code>"), "a long line of words is no flood");
        audit(&html);
    }

    #[test]
    fn random_markup_only_ever_yields_known_tags_and_safe_links() {
        let pieces = [
            "<",
            ">",
            "[",
            "]",
            "(",
            ")",
            "*",
            "_",
            "`",
            "~",
            "#",
            "-",
            "|",
            ">",
            "!",
            "\"",
            "'",
            "=",
            "&",
            "javascript:",
            "http://e.x",
            "script",
            "onerror",
            "\n",
            "\n\n",
            " ",
            "a",
            "1.",
            "[x]",
            "    ",
        ];
        let mut rng = fastrand::Rng::with_seed(20261201);
        for _ in 0..2_000 {
            let note: String = (0..rng.usize(1..60)).map(|_| pieces[rng.usize(..pieces.len())]).collect();
            let html = render(&note);
            audit(&html);
            assert!(!html.to_ascii_lowercase().contains("<script"), "{note:?}");
        }
    }
}
