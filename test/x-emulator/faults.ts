// Fault injection: each rule matches a route name (e.g. `v2.append`, `v1.FINALIZE`,
// `v2.tweets.create`) and fires `times` times after letting `after` matching requests through.
import type { ProcessingError } from './state.ts';

export type FaultAction =
  /**
   * Answer with this status: X's error shape for the dialect (with `detail` when given, as X's
   * problem+json carries it), a JSON `body` as given, or no body at all (`empty`).
   */
  | { kind: 'status'; status: number; body?: unknown; detail?: string; empty?: boolean }
  | { kind: 'rate_limit'; resetInSecs: number }
  /** Close the connection without answering, before the request has any effect. */
  | { kind: 'drop' }
  /** Carry the request out, then close the connection instead of answering (the crash window). */
  | { kind: 'drop_after' }
  | { kind: 'latency'; ms: number }
  /**
   * Hold the request until `until` settles, then go on as usual: a gate the test opens once it has
   * done what must happen while the client waits (no guessing how long that takes).
   */
  | { kind: 'hold'; until: Promise<unknown> }
  /** On a FINALIZE: processing ends in `failed` with this error. */
  | { kind: 'processing_failure'; error: ProcessingError };

export interface FaultRule {
  route: string | RegExp;
  action: FaultAction;
  /** How many times it fires (default 1). */
  times?: number;
  /** Matching requests to let through first (default 0). */
  after?: number;
  /**
   * Only APPENDs whose segment_index passes (requests without one never match). With several
   * APPENDs in flight, "the second request" depends on which body arrived first; a segment doesn't.
   */
  segment?: (index: number) => boolean;
}

export class Faults {
  private rules: Array<{ rule: FaultRule; seen: number; fired: number }> = [];

  add(rule: FaultRule): this {
    this.rules.push({ rule, seen: 0, fired: 0 });
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** The actions that fire for this request (in the order the rules were added). */
  take(route: string, segmentIndex?: number): FaultAction[] {
    const out: FaultAction[] = [];
    for (const r of this.rules) {
      const m = typeof r.rule.route === 'string' ? r.rule.route === route : r.rule.route.test(route);
      if (!m) continue;
      if (r.rule.segment && (segmentIndex === undefined || !r.rule.segment(segmentIndex))) continue;
      r.seen++;
      if (r.seen <= (r.rule.after ?? 0)) continue;
      if (r.fired >= (r.rule.times ?? 1)) continue;
      r.fired++;
      out.push(r.rule.action);
    }
    return out;
  }
}
