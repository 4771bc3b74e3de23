//! The "@lx" lines the host reads from dom0's console (lib/report.ts): a step passed or
//! failed with its detail, and the figures it checks.

pub struct Report {
    language: String,
    pub failures: u32,
}

impl Report {
    pub fn new(language: String) -> Self {
        Self { language, failures: 0 }
    }

    /// Reports `name` and returns whether it passed.
    pub fn step(&mut self, name: &str, passed: bool, detail: impl AsRef<str>) -> bool {
        if !passed {
            self.failures += 1;
        }
        println!("@lx step {} {name} {} {}", self.language, if passed { "pass" } else { "fail" }, detail.as_ref());
        passed
    }

    /// Reports a call's result as step `name`: what it was, and Xen's answer.
    pub fn call<T>(&mut self, name: &str, what: &str, result: std::io::Result<T>) -> Option<T> {
        match result {
            Ok(v) => {
                self.step(name, true, format!("{what}: ok"));
                Some(v)
            }
            Err(e) => {
                self.step(name, false, format!("{what}: {e}"));
                None
            }
        }
    }

    pub fn count(&self, name: &str, value: impl std::fmt::Display) {
        println!("@lx count {} {name} {value}", self.language);
    }
}
