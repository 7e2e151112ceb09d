//! Excerpts of very long source lines for rendering.
//!
//! In: the program text and the spans one diagnostic points at. Out: an
//! [`Excerpt`]: the text with every line longer than [`MAX_LINE`] bytes cut
//! down to windows around the spans' ends (joined by `…`), the spans moved
//! into it, and a `codespan_reporting` file that reports the *original*
//! line and column numbers.
//!
//! Always: the excerpt has as many lines as the text, so line numbers stay;
//! each long line keeps at most a few hundred bytes per span end that falls
//! on it, so a diagnostic's rendered size does not grow with the length of
//! the line; windows start and end on character boundaries.

use codespan_reporting::files::{Error, Files, Location, column_index};
use std::ops::Range;

/// Lines longer than this (in bytes) are shown as windows.
pub const MAX_LINE: usize = 240;

/// Bytes shown on each side of a span's start and end.
const CONTEXT: usize = 40;

const ELLIPSIS: &str = "…";

/// A piece of the original text kept in the excerpt.
#[derive(Clone, Copy, Debug)]
struct Piece {
    orig: usize,
    at: usize,
    len: usize,
}

/// The text as a diagnostic shows it, with long lines windowed.
pub struct Excerpt<'a> {
    name: &'a str,
    source: &'a str,
    text: String,
    /// Kept pieces in order (of both texts).
    pieces: Vec<Piece>,
    /// Start of each line of `text`.
    line_starts: Vec<usize>,
}

/// Whether any line of `source` is longer than [`MAX_LINE`].
pub fn has_long_line(source: &str) -> bool {
    source.split('\n').any(|l| l.len() > MAX_LINE)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl<'a> Excerpt<'a> {
    /// Windows every long line of `source` around the ends of `spans`
    /// (clamped byte ranges into `source`).
    pub fn new(name: &'a str, source: &'a str, spans: &[Range<usize>]) -> Excerpt<'a> {
        let mut points: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
        points.sort_unstable();
        points.dedup();
        let mut text = String::new();
        let mut pieces = Vec::new();
        let mut keep = |text: &mut String, orig: Range<usize>| {
            pieces.push(Piece {
                orig: orig.start,
                at: text.len(),
                len: orig.len(),
            });
            text.push_str(&source[orig]);
        };
        let mut line_start = 0;
        let mut next_point = 0;
        for line in source.split_inclusive('\n') {
            let end = line_start + line.len();
            if line.len() <= MAX_LINE {
                keep(&mut text, line_start..end);
            } else {
                // The windows on this line: around each span end on it.
                let body_end = line_start + line.trim_end_matches(['\n', '\r']).len();
                let mut windows: Vec<Range<usize>> = Vec::new();
                while next_point < points.len() && points[next_point] <= end {
                    let p = points[next_point];
                    next_point += 1;
                    if p < line_start {
                        continue;
                    }
                    let w = floor_char(source, p.saturating_sub(CONTEXT).max(line_start))
                        ..ceil_char(source, (p + CONTEXT).min(body_end));
                    match windows.last_mut() {
                        Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
                        _ => windows.push(w),
                    }
                }
                if windows.is_empty() {
                    windows.push(line_start..ceil_char(source, line_start + CONTEXT));
                }
                let mut at = line_start;
                for w in windows {
                    if w.start > at {
                        text.push_str(ELLIPSIS);
                    }
                    keep(&mut text, w.clone());
                    at = w.end;
                }
                if at < body_end {
                    text.push_str(ELLIPSIS);
                }
                keep(&mut text, body_end..end);
            }
            line_start = end;
        }
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Excerpt {
            name,
            source,
            text,
            pieces,
            line_starts,
        }
    }

    /// The position in the excerpt of byte `pos` of the original text (the
    /// nearest kept byte if it was cut).
    pub fn to_excerpt(&self, pos: usize) -> usize {
        let k = self.pieces.partition_point(|p| p.orig + p.len < pos);
        match self.pieces.get(k) {
            Some(p) if pos >= p.orig => p.at + (pos - p.orig),
            Some(p) => p.at,
            None => self.text.len(),
        }
    }

    /// The position in the original text of byte `at` of the excerpt.
    fn to_original(&self, at: usize) -> usize {
        let k = self.pieces.partition_point(|p| p.at + p.len < at);
        match self.pieces.get(k) {
            Some(p) if at >= p.at => p.orig + (at - p.at),
            Some(p) => p.orig,
            None => self.source.len(),
        }
    }

    /// The excerpt's text.
    #[cfg(test)]
    fn text(&self) -> &str {
        &self.text
    }
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, Error> {
        Ok(self
            .line_starts
            .partition_point(|&s| s <= byte_index)
            .saturating_sub(1))
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        let start = *self
            .line_starts
            .get(line_index)
            .ok_or(Error::LineTooLarge {
                given: line_index,
                max: self.line_starts.len() - 1,
            })?;
        let end = self
            .line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(self.text.len());
        Ok(start..end)
    }

    /// The original text's line and column of an excerpt position.
    fn location(&'a self, (): (), byte_index: usize) -> Result<Location, Error> {
        let pos = self.to_original(byte_index);
        let line = self.source[..pos].matches('\n').count();
        let line_start = self.source[..pos].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.source[pos..]
            .find('\n')
            .map_or(self.source.len(), |i| pos + i);
        Ok(Location {
            line_number: line + 1,
            column_number: column_index(self.source, line_start..line_end, pos) + 1,
        })
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_kept_whole() {
        let src = "a = 1\nb = 2\n";
        let e = Excerpt::new("f", src, &[4..5]);
        assert_eq!(e.text(), src);
        assert_eq!(e.to_excerpt(4), 4);
    }

    #[test]
    fn a_long_line_keeps_windows_around_span_ends() {
        let src = format!("x = {}y + 1\nz = 2\n", "a + ".repeat(1000));
        let y = src.find('y').unwrap();
        let e = Excerpt::new("f", &src, &[y..y + 1]);
        assert!(e.text().len() < 200, "{}", e.text());
        assert_eq!(e.text().lines().count(), 2);
        assert!(e.text().starts_with("…"), "{}", e.text());
        assert!(e.text().ends_with("y + 1\nz = 2\n"), "{}", e.text());
        let at = e.to_excerpt(y);
        assert_eq!(&e.text()[at..at + 1], "y");
        let loc = e.location((), at).unwrap();
        assert_eq!((loc.line_number, loc.column_number), (1, y + 1));
    }

    #[test]
    fn windows_respect_characters() {
        let src = format!("{}x", "é".repeat(300));
        let x = src.len() - 1;
        let e = Excerpt::new("f", &src, &[x..x + 1]);
        assert!(e.text().ends_with("éx"));
        let loc = e.location((), e.to_excerpt(x)).unwrap();
        assert_eq!(loc.column_number, 301);
    }
}
