//! The keys the README's action tables name are the keys of the command list: the README
//! cannot drift from what the window does.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};
use qarar::ui::Command;
use qarar::ui::command::FIELD_KEYS;

const README: &str = include_str!("../../README.md");

/// The bold pieces (`**…**`) of the README's table rows.
fn bold_in_tables() -> Vec<String> {
    let mut out = Vec::new();
    for line in README.lines().filter(|l| l.trim_start().starts_with('|')) {
        let mut rest = line;
        while let Some(a) = rest.find("**") {
            let after = &rest[a + 2..];
            let Some(b) = after.find("**") else { break };
            out.push(after[..b].to_string());
            rest = &after[b + 2..];
        }
    }
    out
}

fn key_named(name: &str) -> Option<Key> {
    Some(match name {
        "Esc" => Key::Escape,
        "↑" => Key::ArrowUp,
        "↓" => Key::ArrowDown,
        "←" => Key::ArrowLeft,
        "→" => Key::ArrowRight,
        "PgDn" => Key::PageDown,
        "PgUp" => Key::PageUp,
        "+" => Key::Plus,
        "−" | "-" => Key::Minus,
        "0" => Key::Num0,
        "1" => Key::Num1,
        "2" => Key::Num2,
        "3" => Key::Num3,
        "4" => Key::Num4,
        "5" => Key::Num5,
        "6" => Key::Num6,
        other => Key::from_name(other)?,
    })
}

/// `Ctrl+Shift+Z`, `Ctrl +`, `F7`, `Esc` → a shortcut; the modifiers of `inherit` apply to
/// a bare key after a slash (`Ctrl+PgDn/PgUp`).
fn parse_one(text: &str, inherit: Modifiers) -> Option<KeyboardShortcut> {
    let mut rest = text.trim();
    let mut m = Modifiers::NONE;
    loop {
        let before = rest;
        for (name, add) in [
            ("Ctrl", Modifiers::COMMAND),
            ("Cmd", Modifiers::COMMAND),
            ("Shift", Modifiers::SHIFT),
            ("Alt", Modifiers::ALT),
        ] {
            if let Some(r) = rest.strip_prefix(name)
                && (r.starts_with('+') && r.len() > 1 || r.starts_with(' '))
            {
                m |= add;
                rest = r[1..].trim_start();
            }
        }
        if rest == before {
            break;
        }
    }
    if m == Modifiers::NONE {
        m = inherit;
    }
    Some(KeyboardShortcut::new(m, key_named(rest)?))
}

/// Every shortcut a bold piece names, or `None` when it is not about keys.
fn parse(piece: &str) -> Option<Vec<KeyboardShortcut>> {
    let mut out = Vec::new();
    let mut inherit = Modifiers::NONE;
    for alt in piece.split('/') {
        let s = parse_one(alt, inherit)?;
        inherit = s.modifiers;
        out.push(s);
    }
    Some(out)
}

fn same(a: &KeyboardShortcut, b: &KeyboardShortcut) -> bool {
    a.logical_key == b.logical_key
        && a.modifiers.shift == b.modifiers.shift
        && a.modifiers.alt == b.modifiers.alt
        && (a.modifiers.command || a.modifiers.ctrl) == (b.modifiers.command || b.modifiers.ctrl)
}

#[test]
fn every_key_the_readme_names_is_a_command_shortcut() {
    let known: Vec<(String, KeyboardShortcut)> = Command::keyed()
        .iter()
        .flat_map(|c| c.shortcuts().iter().map(move |s| (format!("{c:?}"), *s)))
        .chain(FIELD_KEYS.iter().map(|s| ("text field".to_string(), *s)))
        .collect();
    let mut checked = 0;
    for piece in bold_in_tables() {
        let looks_like_keys = piece.contains("Ctrl")
            || piece.contains("Shift")
            || piece.starts_with('F') && piece[1..].chars().all(|c| c.is_ascii_digit())
            || piece.chars().count() == 1;
        let Some(shortcuts) = parse(&piece) else {
            assert!(
                !looks_like_keys,
                "README names keys that do not parse: {piece:?}"
            );
            continue;
        };
        for s in shortcuts {
            assert!(
                known.iter().any(|(_, k)| same(k, &s)),
                "README names {piece:?} ({s:?}), which no command is bound to"
            );
            checked += 1;
        }
    }
    // The tables name about thirty keys; a README without them means the parse broke.
    assert!(checked >= 25, "only {checked} keys found in the README");
}

#[test]
fn a_readme_key_that_no_command_has_would_be_caught() {
    let s = parse("Ctrl+Shift+K").expect("parses");
    let known: Vec<KeyboardShortcut> = Command::keyed()
        .iter()
        .flat_map(|c| c.shortcuts().to_vec())
        .collect();
    assert!(!known.iter().any(|k| same(k, &s[0])));
    let alts = parse("Ctrl+PgDn/PgUp").expect("parses");
    assert_eq!(alts[1].modifiers, Modifiers::COMMAND);
    assert_eq!(alts[1].logical_key, Key::PageUp);
    assert!(parse("AR EN FR ES RU ZH").is_none());
}
