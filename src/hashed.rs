//! A *record hash*: the hash of a value through its serialisation (postcard's compact
//! bytes, fed to the standard hasher a buffer at a time). What a page's fingerprint is
//! made of, and what the analysis keeps with each compared pair so that a rebuild need
//! not serialise an unchanged pair again; in a module of its own because both the
//! analysis and the render take it.

use std::hash::Hasher;

use serde::Serialize;

/// The hash of a record of the analysis, through its serialisation.
pub(crate) fn record(x: &impl Serialize) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    let mut writer = HashWriter::new(&mut h);
    let _ = postcard::to_io(x, &mut writer);
    writer.finish();
    h.finish()
}

/// Feeds what is written to it to a hasher, a buffer at a time: a record is
/// serialised a byte or a word at a time, and each write to the hasher costs more than
/// the few bytes it hashes. The hasher hashes its input as one stream, however it is
/// cut, so the hash is the one unbuffered writes give.
struct HashWriter<'a> {
    hasher: &'a mut std::hash::DefaultHasher,
    buffer: [u8; HASH_BUFFER],
    len: usize,
}

/// The bytes a [`HashWriter`] gathers before it hashes them.
const HASH_BUFFER: usize = 512;

impl<'a> HashWriter<'a> {
    fn new(hasher: &'a mut std::hash::DefaultHasher) -> Self {
        HashWriter {
            hasher,
            buffer: [0; HASH_BUFFER],
            len: 0,
        }
    }

    /// Hashes what is left in the buffer.
    fn finish(&mut self) {
        self.hasher.write(&self.buffer[..self.len]);
        self.len = 0;
    }
}

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.len + buf.len() > HASH_BUFFER {
            self.finish();
        }
        if buf.len() >= HASH_BUFFER {
            self.hasher.write(buf);
        } else {
            self.buffer[self.len..self.len + buf.len()].copy_from_slice(buf);
            self.len += buf.len();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_record_hashes_as_its_serialisation_in_one_piece() {
        let record = (
            "a-story".to_string(),
            vec![1u32, 300, 70_000],
            "x".repeat(2 * super::HASH_BUFFER + 7),
            Some(0.25f64),
        );
        let bytes = postcard::to_allocvec(&record).unwrap();
        let mut whole = std::hash::DefaultHasher::new();
        std::hash::Hasher::write(&mut whole, &bytes);
        assert_eq!(super::record(&record), std::hash::Hasher::finish(&whole));
        // What makes the buffering safe: the hasher's stream, however it is cut.
        let mut bytewise = std::hash::DefaultHasher::new();
        for b in &bytes {
            std::hash::Hasher::write(&mut bytewise, std::slice::from_ref(b));
        }
        assert_eq!(
            std::hash::Hasher::finish(&bytewise),
            std::hash::Hasher::finish(&whole)
        );
    }
}
