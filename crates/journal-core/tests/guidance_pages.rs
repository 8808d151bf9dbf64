//! Guidance on whole pages, the way people write them: several sentences of
//! an ordinary day, some with a line or two of danger among them. The corpus
//! measures single sentences; a page of twenty ordinary sentences gives the
//! learned net twenty chances to alarm, so the page is what the person sees
//! and what is measured here, on two sets never trained on:
//! `guidance-pages.txt` (written while looking at the matcher's misses, so
//! a tuning set for the rules) and `guidance-pages-fresh.txt` (written
//! apart from the code and the other sentences, only ever counted).

use journal_core::Theme;

// Only `pick` is used here; the labelled sentences are the other tests'.
#[allow(dead_code)]
mod common;
use common::pick;

const PAGES: &str = include_str!("fixtures/guidance-pages.txt");
const FRESH: &str = include_str!("fixtures/guidance-pages-fresh.txt");

/// Every page with whether its safety card must come first.
fn pages(file: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    for line in file.lines().filter(|l| !l.starts_with('#')) {
        match line.strip_prefix("=== ") {
            Some(kind) => out.push((kind == "safety", String::new())),
            None => {
                let (_, text) = out.last_mut().expect("a page starts with ===");
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    out
}

fn first_theme(text: &str) -> Option<Theme> {
    pick(text).first().map(|c| c.theme)
}

#[derive(Debug, Default)]
struct Figures {
    danger: u32,
    danger_first: u32,
    ordinary: u32,
    alarmed: u32,
}

fn measure(file: &str, show: bool) -> Figures {
    let mut f = Figures::default();
    for (safety, text) in pages(file) {
        let first = first_theme(&text);
        let miss = if safety {
            f.danger += 1;
            f.danger_first += u32::from(first == Some(Theme::Safety));
            first != Some(Theme::Safety)
        } else {
            f.ordinary += 1;
            let alarmed = matches!(first, Some(Theme::Safety | Theme::Urges | Theme::Setbacks));
            f.alarmed += u32::from(alarmed);
            alarmed
        };
        if show && miss {
            eprintln!("{first:?} first: {text}");
            eprintln!("  rules: {:?}", journal_core::guidance_explain(&text));
            for line in journal_core::guidance_net_explain(&text) {
                eprintln!("  net {line}");
            }
        }
    }
    f
}

#[test]
fn whole_pages_get_the_safety_card_when_they_need_it_and_ordinary_pages_do_not() {
    let show = std::env::var_os("PAGES_SHOW").is_some();
    let sets = [("pages", PAGES, show), ("fresh pages", FRESH, false)];
    let figures: Vec<(&str, Figures)> = sets
        .iter()
        .map(|(name, file, show)| (*name, measure(file, *show)))
        .collect();
    for (name, f) in &figures {
        eprintln!(
            "{name}: safety first on {} of {} pages with danger; ordinary pages alarmed: {} of {}",
            f.danger_first, f.danger, f.alarmed, f.ordinary
        );
    }
    for (name, f) in figures {
        assert!(f.danger >= 10 && f.ordinary >= 25, "{name}: {f:?}");
        assert_eq!(
            f.danger_first, f.danger,
            "{name}: every page with danger in it"
        );
        // A guard against getting worse, not the goal: today about half of
        // the first set's ordinary pages and two in three of the fresh set's
        // get a safety, urges or setbacks card first (see ARCHITECTURE.md);
        // the goal is one in ten.
        assert!(f.alarmed * 4 < f.ordinary * 3, "{name}: {f:?}");
    }
}
