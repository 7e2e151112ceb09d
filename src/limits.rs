//! Resource limits of one evaluation: memory for results, loop work.
//!
//! In: nothing (the built-in defaults), the environment variables
//! `RICCI_MAX_MEMORY` and `RICCI_MAX_WORK`, or a caller's own [`Limits`].
//! Out: the [`Limits`] a call runs under: [`current`] for the process (the
//! CLI sets it from its flags), or `Args::limits` for one call.
//!
//! Always: a limit is a plain number checked *before* the work or the
//! allocation it bounds (`sema::budget`, `runtime::alloc`, the `.npy`
//! reader), so exceeding one is an error that names it and says how to
//! raise it, never an aborted process or a loop that runs for ages.

use std::sync::RwLock;

/// The most bytes the results of one call may take, and the most loop
/// iterations it may run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Bytes: every definition of one call together (the interpreter and
    /// the JIT keep them all), one `.npy` file read, one einsum result.
    pub max_bytes: u64,
    /// Loop iterations of one call, counted before it runs: for each
    /// definition, every iteration of its element loop and of every `sum`
    /// and `prod` inside, as the program is written (see `sema::budget`).
    pub max_work: u64,
}

/// 8 GiB.
pub const DEFAULT_MAX_BYTES: u64 = 8 << 30;

/// 10^12 loop iterations (minutes of compiled code, hours interpreted).
pub const DEFAULT_MAX_WORK: u64 = 1_000_000_000_000;

/// The environment variable that sets [`Limits::max_bytes`].
pub const MEMORY_VAR: &str = "RICCI_MAX_MEMORY";

/// The environment variable that sets [`Limits::max_work`].
pub const WORK_VAR: &str = "RICCI_MAX_WORK";

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: DEFAULT_MAX_BYTES,
            max_work: DEFAULT_MAX_WORK,
        }
    }
}

impl Limits {
    /// No limit at all.
    pub const UNLIMITED: Limits = Limits {
        max_bytes: u64::MAX,
        max_work: u64::MAX,
    };

    /// The defaults, overridden by `RICCI_MAX_MEMORY` and `RICCI_MAX_WORK`
    /// where set; an error names a variable whose value does not parse.
    pub fn from_env() -> Result<Limits, String> {
        let mut l = Limits::default();
        if let Some(v) = var(MEMORY_VAR) {
            l.max_bytes = parse_bytes(&v).map_err(|e| format!("{MEMORY_VAR}={v}: {e}"))?;
        }
        if let Some(v) = var(WORK_VAR) {
            l.max_work = parse_count(&v).map_err(|e| format!("{WORK_VAR}={v}: {e}"))?;
        }
        Ok(l)
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
}

static CURRENT: RwLock<Option<Limits>> = RwLock::new(None);

/// The process's limits: the last [`set_current`], else [`Limits::from_env`]
/// (the defaults if a variable does not parse).
pub fn current() -> Limits {
    if let Ok(g) = CURRENT.read()
        && let Some(l) = *g
    {
        return l;
    }
    let l = Limits::from_env().unwrap_or_default();
    if let Ok(mut g) = CURRENT.write() {
        g.get_or_insert(l);
    }
    l
}

/// Sets the process's limits (what [`current`] returns from now on).
pub fn set_current(l: Limits) {
    if let Ok(mut g) = CURRENT.write() {
        *g = Some(l);
    }
}

/// A byte count: `1000`, `512M`, `8G`, `8GiB`, `1.5G`, `2T` (K, M, G, T are
/// powers of 1024, with or without `iB`/`B`), or `unlimited`.
pub fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("unlimited") || t.eq_ignore_ascii_case("none") {
        return Ok(u64::MAX);
    }
    let lower = t.to_ascii_lowercase();
    let body = lower
        .strip_suffix("ib")
        .or_else(|| lower.strip_suffix('b'))
        .unwrap_or(&lower);
    let (num, shift) = match body.chars().last() {
        Some('k') => (&body[..body.len() - 1], 10),
        Some('m') => (&body[..body.len() - 1], 20),
        Some('g') => (&body[..body.len() - 1], 30),
        Some('t') => (&body[..body.len() - 1], 40),
        _ => (body, 0),
    };
    let x: f64 = num
        .trim()
        .parse()
        .map_err(|_| "expected a size such as 8G, 512M or 1000000 (bytes), or `unlimited`")?;
    to_u64(x * (1u64 << shift) as f64)
}

/// A count: `1000000`, `1e12`, or `unlimited`.
pub fn parse_count(s: &str) -> Result<u64, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("unlimited") || t.eq_ignore_ascii_case("none") {
        return Ok(u64::MAX);
    }
    if let Ok(n) = t.replace('_', "").parse::<u64>() {
        return Ok(n);
    }
    let x: f64 = t
        .parse()
        .map_err(|_| "expected a count such as 1000000 or 1e12, or `unlimited`")?;
    to_u64(x)
}

fn to_u64(x: f64) -> Result<u64, String> {
    if x.is_nan() || x < 0.0 {
        return Err("expected a number at least 0".into());
    }
    // Saturates at u64::MAX for larger values.
    Ok(x.round() as u64)
}

/// `8 GiB`, `512 MiB`, `1000 bytes`: a byte count for messages.
pub fn show_bytes(b: u128) -> String {
    const UNITS: [(&str, u32); 4] = [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)];
    for (unit, shift) in UNITS {
        let size = 1u128 << shift;
        if b >= size {
            let x = b as f64 / size as f64;
            return if b.is_multiple_of(size) {
                format!("{} {unit}", b / size)
            } else {
                format!("{x:.1} {unit}")
            };
        }
    }
    format!("{b} bytes")
}

/// A count for messages: exact below 10^7, else `9.2e18` (`1e12` when
/// the leading digits are exact).
pub fn show_count(n: u128) -> String {
    if n < 10_000_000 {
        return n.to_string();
    }
    let t = format!("{:.1e}", n as f64);
    t.replace(".0e", "e")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_bytes("1000"), Ok(1000));
        assert_eq!(parse_bytes("8G"), Ok(8 << 30));
        assert_eq!(parse_bytes("8GiB"), Ok(8 << 30));
        assert_eq!(parse_bytes("512m"), Ok(512 << 20));
        assert_eq!(parse_bytes("1.5K"), Ok(1536));
        assert_eq!(parse_bytes("unlimited"), Ok(u64::MAX));
        assert!(parse_bytes("lots").is_err());
        assert!(parse_bytes("-1G").is_err());
        assert_eq!(parse_count("1e12"), Ok(1_000_000_000_000));
        assert_eq!(parse_count("123_456"), Ok(123_456));
        assert!(parse_count("x").is_err());
    }

    #[test]
    fn sizes_show_in_binary_units() {
        assert_eq!(show_bytes(8 << 30), "8 GiB");
        assert_eq!(show_bytes(1536), "1.5 KiB");
        assert_eq!(show_bytes(12), "12 bytes");
        assert_eq!(show_count(55), "55");
        assert_eq!(show_count(1 << 40), "1.1e12");
        assert_eq!(show_count(1_000_000_000_000), "1e12");
    }
}
