import Dispatch

/// Fixed slots that concurrent workers fill, each slot written by exactly one worker and read
/// only after every worker has finished.
///
/// Raw memory, not an `Array`, so that writes to different slots never overlap in an exclusive
/// access to one shared property. The type is `@unchecked Sendable` on that contract: a slot is
/// never written by two threads, and never read while a worker may still write it.
public final class ConcurrentSlots<Value>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Value?>
    /// The number of slots.
    public let count: Int

    /// `count` empty slots.
    public init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// The value in slot `index`, nil until a worker has written it.
    public subscript(index: Int) -> Value? {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// Every slot, in order.
    public var values: [Value?] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

/// Work split across threads with its results kept in order.
public enum Parallel {
    /// `body(0)`, …, `body(workers − 1)` on up to `workers` threads at once (on the calling thread
    /// when `workers` is 1), returned in index order, whatever order they finish in.
    public static func map<Value: Sendable>(workers: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        let count = max(1, workers)
        let slots = ConcurrentSlots<Value>(count: count)
        if count == 1 {
            slots[0] = body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: count) { slots[$0] = body($0) }
        }
        return slots.values.map { $0! }
    }
}
