/// Pairwise linkage quality against known truth, for integration tests and tuning.
public enum LinkQuality {
    /// Precision, recall and F1 over all pairs of person keys present in both maps.
    ///
    /// A pair is predicted when both keys got the same customer id and true when both have the
    /// same truth entity. Counted from cluster sizes (n·(n−1)/2 per predicted cluster, truth
    /// cluster and their intersection), so it is linear, not quadratic, in the keys. With no
    /// predicted (or no true) pairs, precision (or recall) is 1: nothing claimed, nothing wrong.
    public static func pairwise(predicted: [String: Int64], truth: [String: String])
        -> (precision: Double, recall: Double, f1: Double) {
        var predictedSizes: [Int64: Int] = [:]
        var truthSizes: [String: Int] = [:]
        var bothSizes: [Pair: Int] = [:]
        for (key, customer) in predicted {
            guard let entity = truth[key] else { continue }
            predictedSizes[customer, default: 0] += 1
            truthSizes[entity, default: 0] += 1
            bothSizes[Pair(customer: customer, entity: entity), default: 0] += 1
        }
        func pairs<S: Sequence>(_ sizes: S) -> Double where S.Element == Int {
            sizes.reduce(0.0) { $0 + Double($1) * Double($1 - 1) / 2 }
        }
        let predictedPairs = pairs(predictedSizes.values)
        let truePairs = pairs(truthSizes.values)
        let correct = pairs(bothSizes.values)
        let precision = predictedPairs == 0 ? 1 : correct / predictedPairs
        let recall = truePairs == 0 ? 1 : correct / truePairs
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return (precision, recall, f1)
    }

    private struct Pair: Hashable {
        var customer: Int64
        var entity: String
    }
}
