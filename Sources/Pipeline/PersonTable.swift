import Cleanse
import Dedupe
import Warehouse

/// The distinct persons seen so far, with how often and when. The dictionary maps a digest to a
/// slot in a plain array, so growing it moves 24-byte entries rather than whole sightings, and the
/// hex person key is built once per distinct person, not per row.
struct PersonTable {
    private var slots: [PersonDigest: Int] = [:]
    private(set) var sightings: [PersonSighting] = []

    var count: Int { sightings.count }

    /// Counts one record's person and returns its person key.
    mutating func sight(_ person: Person, digest: PersonDigest, on day: Day) -> String {
        if let slot = slots[digest] {
            sightings[slot].count += 1
            if day < sightings[slot].firstSeen { sightings[slot].firstSeen = day }
            if day > sightings[slot].lastSeen { sightings[slot].lastSeen = day }
            return sightings[slot].key
        }
        let key = digest.hex
        slots[digest] = sightings.count
        sightings.append(PersonSighting(key: key, person: person, count: 1, firstSeen: day, lastSeen: day))
        return key
    }

    /// Adds another table's sightings (a file's, into the run's).
    mutating func absorb(_ other: PersonTable) {
        // The run's table starts empty: the first file's becomes it whole instead of entry by entry.
        guard !sightings.isEmpty else { self = other; return }
        for (digest, slot) in other.slots {
            let s = other.sightings[slot]
            if let mine = slots[digest] {
                sightings[mine].absorb(s)
            } else {
                slots[digest] = sightings.count
                sightings.append(s)
            }
        }
    }
}
