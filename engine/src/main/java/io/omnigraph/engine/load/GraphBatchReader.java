package io.omnigraph.engine.load;

import io.omnigraph.engine.graph.GraphSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Objects;

/**
 * Reads a strict graph batch (JSONL, 04 §2) against a {@link GraphSnapshot} and returns the
 * validated {@link StagedBatch} that one graph commit will write — or throws the first {@link
 * LoadException}, in which case nothing is staged.
 *
 * <p>Semantics: each record is the entity's full row — a property it leaves out is absent (null),
 * also when merge updates an existing entity. Within a batch, merge and overwrite keep the last
 * record of an id (at the row position of its first); append rejects the repeat. Validation is
 * against the graph as it will be after the commit: the snapshot, minus what overwrite replaces
 * and what merge updates, plus the batch.
 *
 * <p>Streaming: lines are split without holding the input; each is parsed into a small JSON tree,
 * checked, and its values copied into per-type column arrays ({@link StagedRows}); the tree is then
 * garbage. Splitting and parsing run one chunk of {@value RecordSource#CHUNK_LINES} lines ahead on
 * a second thread for batches over one chunk (see {@link Builder#parallel}). Memory is the staged
 * rows — about 20 bytes per edge plus its property values, a node's values plus its id — and a
 * 16-byte index entry per supplied or key-derived id; there is no entity-count ceiling.
 *
 * <p>Errors: a problem confined to one line (envelope, type, value, {@code @range}, {@code
 * @check}, id, append conflict, line limits) stops the read at that line. Problems that need the
 * whole batch (endpoints — a record may refer to a node on a later line —, {@code @unique}, {@code
 * @card}) are checked after the last line, and the one with the lowest line is reported. Exactly
 * one error is reported.
 */
public final class GraphBatchReader {
  /** 10 §2: bytes per graph-batch line. */
  public static final int MAX_LINE_BYTES = 33_554_432;

  /** 10 §2: JSON structural slots (tokens) per line. */
  public static final int MAX_STRUCTURAL_SLOTS = 131_072;

  public static final int PROGRESS_EVERY_LINES = 65_536;

  private final GraphSnapshot snapshot;
  private final LoadMode mode;
  private final KeyOrder keyOrder;
  private final Embedder embedder;
  private final Ulid ulid;
  private final LoadProgress progress;
  private final int maxLineBytes;
  private final int maxSlots;
  private final boolean parallel;

  private GraphBatchReader(Builder b) {
    this.snapshot = Objects.requireNonNull(b.snapshot, "snapshot");
    this.mode = Objects.requireNonNull(b.mode, "mode (append, merge or overwrite) is required");
    this.keyOrder = b.keyOrder;
    this.embedder = b.embedder;
    this.ulid = b.ulid;
    this.progress = b.progress;
    this.maxLineBytes = b.maxLineBytes;
    this.maxSlots = b.maxSlots;
    this.parallel = b.parallel;
  }

  /** A reader for batches against {@code snapshot} (the branch head the commit will follow). */
  public static Builder forSnapshot(GraphSnapshot snapshot) {
    return new Builder(snapshot);
  }

  /** Reads UTF-8 JSONL bytes. The stream is read to its end (or the first error), not closed. */
  public StagedBatch read(InputStream in) throws IOException {
    BatchStager st = new BatchStager(snapshot, mode, keyOrder, ulid, embedder != null);
    RecordSource source = new RecordSource(in, maxLineBytes, maxSlots);
    ChunkFeed feed = parallel ? ChunkFeed.background(source) : ChunkFeed.inline(source);
    RecordSource.Chunk c;
    long reported = 0;
    try (feed) {
      do {
        c = feed.take();
        for (int i = 0; i < c.size; i++) {
          st.accept(c.records[i], c.lines[i]);
        }
        if (c.ioError != null) {
          throw c.ioError;
        }
        if (c.crash != null) {
          throw c.crash;
        }
        if (c.error != null) {
          throw c.error;
        }
        if (progress != null && c.lineCount - reported >= PROGRESS_EVERY_LINES) {
          reported = c.lineCount;
          progress.update(c.lineCount, c.bytes);
        }
      } while (!c.last);
    }
    return finish(st, c);
  }

  /** Reads JSONL characters (limits count their UTF-8 bytes). Not closed. */
  public StagedBatch read(Reader in) throws IOException {
    return read(new Utf8ReaderStream(in));
  }

  private StagedBatch finish(BatchStager st, RecordSource.Chunk last) {
    BatchValidator.validate(st);
    st.release();
    if (embedder != null) {
      EmbedStep step = new EmbedStep(embedder);
      st.nodes.values().forEach(step::run);
    }
    if (progress != null) {
      progress.update(last.lineCount, last.bytes);
    }
    return new StagedBatch(st, last.lineCount);
  }

  /** Options; only the mode is required. */
  public static final class Builder {
    private final GraphSnapshot snapshot;
    private LoadMode mode;
    private KeyOrder keyOrder = KeyOrder.DECLARATION;
    private Embedder embedder;
    private Ulid ulid = new Ulid();
    private LoadProgress progress;
    private int maxLineBytes = MAX_LINE_BYTES;
    private int maxSlots = MAX_STRUCTURAL_SLOTS;
    private boolean parallel = true;

    private Builder(GraphSnapshot snapshot) {
      this.snapshot = snapshot;
    }

    public Builder mode(LoadMode m) {
      this.mode = m;
      return this;
    }

    /** Stable-id order of composite keys; default {@link KeyOrder#DECLARATION}. */
    public Builder keyOrder(KeyOrder k) {
      this.keyOrder = Objects.requireNonNull(k);
      return this;
    }

    /** Computes left-out {@code @embed} vectors; without one they are errors. */
    public Builder embedder(Embedder e) {
      this.embedder = e;
      return this;
    }

    /** The ULID source for generated ids (tests pin clock and randomness). */
    public Builder ulid(Ulid u) {
      this.ulid = Objects.requireNonNull(u);
      return this;
    }

    public Builder progress(LoadProgress p) {
      this.progress = p;
      return this;
    }

    /** Lowers the per-line byte limit (tests). */
    Builder maxLineBytes(int n) {
      this.maxLineBytes = n;
      return this;
    }

    /** Lowers the per-line structural slot limit (tests). */
    Builder maxStructuralSlots(int n) {
      this.maxSlots = n;
      return this;
    }

    /**
     * Whether line splitting and JSON parsing run on a second thread, one chunk ahead of staging
     * (default true). Results and errors are the same either way.
     */
    public Builder parallel(boolean p) {
      this.parallel = p;
      return this;
    }

    public GraphBatchReader build() {
      return new GraphBatchReader(this);
    }
  }
}
