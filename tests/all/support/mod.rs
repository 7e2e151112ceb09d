//! What the command-line tests of `solve`, `minimize` and literals share:
//! running the `ricci` binary, its output as text, a scratch directory per
//! test, and .npy inputs. (Not in `tests/common`, which `fuzz/` includes,
//! where the binary does not exist.)

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the `ricci` binary with `args`.
pub fn ricci(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ricci"))
        .args(args)
        .output()
        .expect("the ricci binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory for one test (`prefix`: the test file's).
pub fn scratch(prefix: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ricci-{prefix}-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes an f64 array as `dir/name` (.npy); returns its path.
pub fn save(dir: &Path, name: &str, shape: &[usize], v: &[f64]) -> String {
    let a = ndarray::ArrayD::from_shape_vec(ndarray::IxDyn(shape), v.to_vec()).expect("shape");
    let path = dir.join(name);
    ricci::runtime::npy::write_npy(&path, &ricci::Tensor::F64(a)).expect("write");
    path.to_string_lossy().into_owned()
}
