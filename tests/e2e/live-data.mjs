// The schedules of the live tests (tests/e2e/live.spec.ts and the engines'
// journey): the deployed demo, and the same with a session moved (time and
// room), one cancelled and one added. Shared so that both tell one story.
import { readFileSync } from 'node:fs';

export const base = () => JSON.parse(readFileSync('dist/schedule.json', 'utf8'));

export const MOVED = { id: 'fri-users-wtf-shell', title: 'WTF, My Container Just Spawned a Shell' };
export const CANCELLED = { id: 'fri-users-autoscaler', title: 'An Autoscaler for DC/OS' };
export const ADDED = { id: 'fri-users-lightning', title: 'Lightning talks: live from the hallway' };

/** The demo after the changes: MOVED to 17:00–17:40 in Club B, CANCELLED gone, ADDED at 17:00 in Club C. */
export function changed() {
  const next = base();
  const moved = next.sessions.find((s) => s.id === MOVED.id);
  Object.assign(moved, { start: '2017-10-27T17:00:00+02:00', end: '2017-10-27T17:40:00+02:00', room: 'club-b' });
  next.sessions = next.sessions.filter((s) => s.id !== CANCELLED.id);
  next.sessions.push({
    ...structuredClone(moved),
    id: ADDED.id,
    title: ADDED.title,
    room: 'club-c',
    end: '2017-10-27T17:30:00+02:00',
  });
  return next;
}
