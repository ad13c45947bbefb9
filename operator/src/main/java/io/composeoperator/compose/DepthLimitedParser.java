package io.composeoperator.compose;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Counts nesting while events are consumed, so a {@code [[[[...} document is refused before the
 * (recursive) composer can overflow the stack.
 */
final class DepthLimitedParser implements Parser {

  private final Parser delegate;
  private final int maxDepth;
  private int depth;

  DepthLimitedParser(int maxDepth, Parser delegate) {
    this.maxDepth = maxDepth;
    this.delegate = delegate;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return delegate.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return delegate.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return delegate.hasNext();
  }

  @Override
  public Event next() {
    Event event = delegate.next();
    Event.ID id = event.getEventId();
    if (id == Event.ID.MappingStart || id == Event.ID.SequenceStart) {
      if (++depth > maxDepth) {
        throw new TooDeep(event.getStartMark().map(Mark::getLine).orElse(-1) + 1);
      }
    } else if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
      depth--;
    }
    return event;
  }

  /** Thrown by the parser wrapper when collections nest too deeply. */
  static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    TooDeep(int line) {
      super(null, null, false, false);
      this.line = line;
    }

    int line() {
      return line;
    }
  }
}
