import ICAL from 'ical.js';
import type { ImportProblem } from '../events.ts';
import type { Block, Scan } from './model.ts';

export function scan(text: string): Scan {
  const entries: (Block | ImportProblem)[] = [];
  const definitions = new Map<string, ICAL.Component>();
  const stack: string[] = [];
  let event: Block | null = null;
  let eventDepth = 0;
  let zoneStart = -1;

  const closeBroken = (reason: string) => {
    if (!event) return;
    entries.push({ line: event.line, message: reason, ...(event.uid ? { sourceId: event.uid } : {}) });
    stack.length = eventDepth - 1;
    event = null;
  };

  const handle = (logical: string, start: number, line: number, end: number) => {
    const head = logical.slice(0, 6).toUpperCase();
    if (head === 'BEGIN:') {
      const name = logical.slice(6).trim().toUpperCase();
      if (name === 'VEVENT') {
        if (event) closeBroken(`BEGIN:VEVENT on line ${event.line} has no END:VEVENT`);
        event = { start, end: start, line, uid: null };
        eventDepth = stack.length + 1;
      } else if (name === 'VTIMEZONE' && !event) {
        zoneStart = start;
      }
      stack.push(name);
    } else if (head.startsWith('END:')) {
      const name = logical.slice(4).trim().toUpperCase();
      const at = stack.lastIndexOf(name);
      if (event && name !== 'VEVENT' && at < eventDepth - 1) {
        closeBroken(`BEGIN:VEVENT on line ${event.line} has no END:VEVENT`);
      }
      if (at >= 0) stack.length = at;
      if (name === 'VEVENT' && event) {
        event.end = end;
        entries.push(event);
        event = null;
      } else if (name === 'VTIMEZONE' && zoneStart >= 0) {
        addDefinition(definitions, text.slice(zoneStart, end));
        zoneStart = -1;
      }
    } else if (event && stack.length === eventDepth && /^UID[:;]/i.test(logical)) {
      event.uid = lineValue(logical).trim() || null;
    }
  };

  const length = text.length;
  let pos = 0;
  let lineNo = 0;
  // The logical line being collected (only those starting with B, E or U are of interest).
  let current: string | null = null;
  let currentStart = 0;
  let currentLine = 0;
  let currentEnd = 0;
  while (pos < length) {
    let newline = text.indexOf('\n', pos);
    if (newline === -1) newline = length;
    let lineEnd = newline;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    lineNo++;
    const first = text.charCodeAt(pos);
    if (first === 32 || first === 9) {
      if (current !== null) current += text.slice(pos + 1, lineEnd);
      currentEnd = Math.min(newline + 1, length);
    } else {
      if (current !== null) handle(current, currentStart, currentLine, currentEnd);
      // B, E, U in either case
      const upper = first & ~32;
      current = upper === 66 || upper === 69 || upper === 85 ? text.slice(pos, lineEnd) : null;
      currentStart = pos;
      currentLine = lineNo;
      currentEnd = Math.min(newline + 1, length);
    }
    pos = newline + 1;
  }
  if (current !== null) handle(current, currentStart, currentLine, currentEnd);
  closeBroken('the file ends inside this event (no END:VEVENT)');
  return { entries, definitions };
}

function addDefinition(definitions: Map<string, ICAL.Component>, source: string) {
  try {
    const component = new ICAL.Component(ICAL.parse(source));
    const tzid = component.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && tzid.trim() && !definitions.has(tzid.trim())) {
      definitions.set(tzid.trim(), component);
    }
  } catch {
    // An unreadable VTIMEZONE: its TZID is then unknown, and its times floating.
  }
}

/** The value of a content line: what follows the first colon outside quotes. */
export function lineValue(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 58 && !quoted) return line.slice(i + 1);
  }
  return '';
}
