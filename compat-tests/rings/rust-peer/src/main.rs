//! `ring-peer PAGE PHASE`: reads the 4096-byte blkif ring page from the file PAGE, plays phase
//! A..G of the round trip (compat-tests/rings/README.md) with `xenabi::ring`, writes the page
//! back and prints what it did in the transcript format every peer shares. No `unsafe`.
#![forbid(unsafe_code)]

use std::process::ExitCode;
use xenabi::ring::{BackRing, FrontRing, Page, RingError, SharedMemory};
use xenabi::stable::blkif::{blkif_request, blkif_response, blkif_sring, BLKIF_OP_READ, BLKIF_RSP_OKAY};

const PAGE_SIZE: usize = 4096;

/// The request every peer sends as number `id`: a one-segment read of sectors 8 * id ..= 8 * id + 7.
fn request(id: u64) -> blkif_request {
    let mut req = blkif_request { operation: BLKIF_OP_READ as u8, nr_segments: 1, handle: 51712, id, sector_number: id * 8, ..Default::default() };
    req.seg[0].gref = 100 + id as u32;
    req.seg[0].last_sect = 7;
    req
}

fn front_push(phase: char, front: &mut FrontRing<'_, blkif_sring>, ids: std::ops::RangeInclusive<u64>) -> Result<(), RingError> {
    for id in ids {
        front.queue_request(request(id))?;
    }
    println!("{phase} push notify={}", front.push_requests() as u8);
    Ok(())
}

fn front_collect(phase: char, front: &mut FrontRing<'_, blkif_sring>) -> Result<(), RingError> {
    while let Some(rsp) = front.take_response()? {
        println!("{phase} rsp id={} op={} status={}", rsp.id, rsp.operation, rsp.status);
    }
    println!("{phase} final work={}", front.final_check_for_responses() as u8);
    Ok(())
}

fn back_serve(phase: char, back: &mut BackRing<'_, blkif_sring>) -> Result<(), RingError> {
    let mut ids = Vec::new();
    while let Some(req) = back.take_request()? {
        let seg = req.seg[0];
        println!(
            "{phase} req id={} op={} nseg={} handle={} sector={} gref={} first={} last={}",
            req.id, req.operation, req.nr_segments, req.handle, req.sector_number, seg.gref, seg.first_sect, seg.last_sect
        );
        ids.push(req.id);
    }
    println!("{phase} final work={}", back.final_check_for_requests() as u8);
    for id in ids {
        back.queue_response(blkif_response { id, operation: BLKIF_OP_READ as u8, status: BLKIF_RSP_OKAY as i16, ..Default::default() })?;
    }
    println!("{phase} push notify={}", back.push_responses() as u8);
    Ok(())
}

fn play(page: &Page, phase: char) -> Result<(), RingError> {
    let memory = || SharedMemory::new(page);
    match phase {
        'A' => {
            let mut front = FrontRing::<blkif_sring>::init(memory())?;
            println!("{phase} ring size={}", front.size());
            front_push(phase, &mut front, 1..=3)
        }
        'B' | 'F' => {
            let mut back = BackRing::<blkif_sring>::attach(memory(), if phase == 'B' { 0 } else { 3 })?;
            println!("{phase} ring size={}", back.size());
            back_serve(phase, &mut back)
        }
        'C' | 'G' => {
            let mut front = FrontRing::<blkif_sring>::attach(memory(), if phase == 'C' { 0 } else { 3 })?;
            println!("{phase} ring size={}", front.size());
            front_collect(phase, &mut front)
        }
        'E' => {
            let mut front = FrontRing::<blkif_sring>::attach(memory(), 3)?;
            println!("{phase} ring size={}", front.size());
            front_push(phase, &mut front, 4..=4)?;
            front_push(phase, &mut front, 5..=5)
        }
        _ => Err(RingError::BadMemory),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (path, phase) = match (args.get(1), args.get(2).and_then(|p| p.chars().next())) {
        (Some(path), Some(phase)) if args.len() == 3 => (path.clone(), phase),
        _ => {
            eprintln!("usage: ring-peer PAGE PHASE");
            return ExitCode::from(2);
        }
    };
    let mut bytes = [0u8; PAGE_SIZE];
    if phase != 'A' {
        match std::fs::read(&path) {
            Ok(data) if data.len() == PAGE_SIZE => bytes.copy_from_slice(&data),
            _ => {
                eprintln!("ring-peer: cannot read a page from {path}");
                return ExitCode::from(2);
            }
        }
    }
    let page = Page::from_bytes(bytes);
    if let Err(e) = play(&page, phase) {
        eprintln!("ring-peer: phase {phase}: {e:?}");
        return ExitCode::from(1);
    }
    if std::fs::write(&path, page.into_bytes()).is_err() {
        eprintln!("ring-peer: cannot write {path}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
