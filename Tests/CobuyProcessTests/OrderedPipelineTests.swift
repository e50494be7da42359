import CobuyProcess
import Foundation
import Testing

@Suite struct OrderedPipelineTests {
    @Test func resultsComeOutInOrderWhateverOrderTheyFinishIn() {
        let pipeline = OrderedPipeline(count: 200, workers: 4, window: 5) { item -> Int in
            usleep(UInt32((item * 7919) % 5) * 100)
            return item * item
        }
        defer { pipeline.stop() }
        var results: [Int] = []
        while let result = pipeline.next() { results.append(result) }
        #expect(results == (0..<200).map { $0 * $0 })
    }

    @Test func stoppingEarlyEndsTheWorkersAndNextSaysNothingMore() {
        let pipeline = OrderedPipeline(count: 10_000, workers: 2, window: 3) { $0 }
        #expect(pipeline.next() == 0)
        #expect(pipeline.next() == 1)
        pipeline.stop()
        #expect(pipeline.next() == nil)
    }
}
