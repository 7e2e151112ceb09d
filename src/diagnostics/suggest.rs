//! "Did you mean ...?": the candidate a misspelt name most likely stands for.
//!
//! In: a name as the user wrote it and the names it could have meant. Out:
//! the first candidate equal to it but for letter case, else the first one
//! edit away (one letter inserted, deleted, replaced, or two neighbours
//! swapped; not between two one-letter names, `k` for `i`), else nothing.
//!
//! Always: pure; linear in the total length of the candidates.

/// The candidate `name` most likely misspells (never `name` itself).
pub fn similar<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().filter(|c| *c != name).collect();
    candidates
        .iter()
        .find(|c| c.eq_ignore_ascii_case(name))
        .or_else(|| {
            candidates
                .iter()
                .find(|c| name.chars().count().max(c.chars().count()) >= 2 && one_edit(name, c))
        })
        .copied()
}

/// Whether `a` and `b` differ by exactly one edit (Damerau: insert, delete,
/// replace, or swap two neighbours).
pub fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let p = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    match long.len() - short.len() {
        // Replace one, or swap two neighbours.
        0 => {
            p < short.len()
                && (short[p + 1..] == long[p + 1..]
                    || (p + 1 < short.len()
                        && short[p] == long[p + 1]
                        && short[p + 1] == long[p]
                        && short[p + 2..] == long[p + 2..]))
        }
        // Insert one.
        1 => short[p..] == long[p + 1..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_away() {
        assert!(one_edit("exq", "exp"));
        assert!(one_edit("ep", "exp"));
        assert!(one_edit("expp", "exp"));
        assert!(one_edit("epx", "exp"));
        assert!(one_edit("Xx", "X"));
        assert!(!one_edit("exp", "exp"));
        assert!(!one_edit("abc", "cba"));
        assert!(!one_edit("tanhh2", "tanh"));
        assert!(!one_edit("", ""));
        assert!(one_edit("", "x"));
    }

    #[test]
    fn case_first_then_one_edit() {
        assert_eq!(similar("Exp", ["exp", "Exq"]), Some("exp"));
        assert_eq!(similar("Xx", ["A", "X"]), Some("X"));
        assert_eq!(similar("w", ["w"]), None);
        assert_eq!(similar("qqq", ["exp"]), None);
        assert_eq!(similar("k", ["i", "K"]), Some("K"));
        assert_eq!(similar("k", ["i"]), None);
        assert_eq!(similar("k", ["ki"]), Some("ki"));
    }
}
