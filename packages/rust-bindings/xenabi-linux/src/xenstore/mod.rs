//! A xenstore client: read, write, directory, mkdir, rm, permissions, watches as iterators,
//! and transactions retried on `EAGAIN`, over xenstored's Unix socket or `/dev/xen/xenbus`.
//!
//! ```no_run
//! use xenabi_linux::xenstore::XenStore;
//!
//! let store = XenStore::connect()?;
//! let home = store.get_domain_path(1)?;
//! store.write(&format!("{home}/device-model/state"), "running")?;
//! let n = store.transaction(|tx| {
//!     let n: u32 = tx.read("/counter")?.parse().unwrap_or(0);
//!     tx.write("/counter", (n + 1).to_string())?;
//!     Ok(n + 1)
//! })?;
//! for event in store.watch(&format!("{home}/device"))? {
//!     println!("changed: {}", event?.path);
//! }
//! # Ok::<(), std::io::Error>(())
//! ```

mod client;
pub mod wire;

pub use client::{Transaction, Watch, WatchEvent, XenStore, TRANSACTION_ATTEMPTS, XENSTORE_PATHS};
pub use wire::{Access, Permission, XenStoreError};
