//! The timetable's grid arithmetic: which sessions of a day are shown, in
//! which room column, on which rows of five minutes, how many title lines a
//! block has room for, and where "now" falls. `views/timetable.rs` draws it
//! as a CSS grid; nothing here knows about the page.

use chrono::{NaiveDate, TimeDelta};

use super::plan::day_span;
use super::schedule::Schedule;
use super::time::Instant;

/// Minutes one grid row stands for.
pub const SLOT_MINUTES: i64 = 5;
/// Minutes between two time labels down the side.
pub const LABEL_MINUTES: i64 = 30;
/// Rows one time label spans.
pub const LABEL_ROWS: i64 = LABEL_MINUTES / SLOT_MINUTES;
/// The height of a row in rem, as the view sets it (`grid-template-rows`).
pub const ROW_REM: f32 = 0.7;
/// The height of one line of a block's title in rem (`.tt-session h3` in style.css).
const TITLE_LINE_REM: f32 = 1.1;
/// What a block needs besides its title in rem: the time line and padding (style.css).
const BLOCK_CHROME_REM: f32 = 1.4;
/// The first row and column of sessions: row 1 holds the room names, column 1 the times.
const FIRST_ROW: i64 = 2;
const FIRST_COLUMN: usize = 2;

/// What one day of the timetable shows.
#[derive(Clone, Debug, PartialEq)]
pub enum DayLayout {
    /// The schedule has no sessions on that day.
    NoSessions,
    /// It has, but every room with sessions that day is hidden.
    AllRoomsHidden,
    /// The grid.
    Grid(Grid),
}

/// A day's grid: room columns, blocks and time labels, in grid lines (from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// The instant of the first row (a whole half hour at or before the first start).
    origin: Instant,
    /// The last instant shown (the last end, bounded by `plan::MAX_DAY_HOURS`).
    last: Instant,
    /// The rooms shown as columns (indices into `schedule.rooms`), in the schedule's room order.
    pub rooms: Vec<usize>,
    /// Whether some session has no room (they get a column of their own, last).
    pub roomless: bool,
    /// One block per session shown, in schedule order (which is time order).
    pub blocks: Vec<Block>,
    /// The time labels down the side: the instant and the row it starts on.
    pub labels: Vec<(Instant, i64)>,
}

/// One session's block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Index into `schedule.sessions`.
    pub session: usize,
    /// Its grid column.
    pub column: usize,
    /// Its first row and the row line it ends before (at least one row tall).
    pub rows: (i64, i64),
    /// Lines of title it has room for (at least one); the rest ends in an ellipsis.
    pub title_lines: u32,
}

impl DayLayout {
    /// Lay out the sessions of `day`, less those in the `hidden` rooms
    /// (sessions without a room are always shown).
    pub fn of_day(schedule: &Schedule, day: NaiveDate, hidden: &[String]) -> DayLayout {
        let on_day: Vec<usize> = (0..schedule.sessions.len())
            .filter(|&i| schedule.sessions[i].day() == day)
            .collect();
        let shown: Vec<usize> = on_day
            .iter()
            .copied()
            .filter(|&i| {
                schedule.sessions[i]
                    .room
                    .is_none_or(|r| !hidden.contains(&schedule.rooms[r].id))
            })
            .collect();
        if shown.is_empty() && !on_day.is_empty() {
            return DayLayout::AllRoomsHidden;
        }
        match day_span(schedule, &shown) {
            None => DayLayout::NoSessions,
            Some((origin, last)) => DayLayout::Grid(Grid::new(schedule, &shown, origin, last)),
        }
    }
}

impl Grid {
    fn new(schedule: &Schedule, shown: &[usize], origin: Instant, last: Instant) -> Grid {
        let mut rooms: Vec<usize> = shown
            .iter()
            .filter_map(|&i| schedule.sessions[i].room)
            .collect();
        rooms.sort_unstable();
        rooms.dedup();
        let roomless = shown.iter().any(|&i| schedule.sessions[i].room.is_none());
        let mut grid = Grid {
            origin,
            last,
            rooms,
            roomless,
            blocks: Vec::new(),
            labels: Vec::new(),
        };
        grid.blocks = shown
            .iter()
            .map(|&i| {
                let s = &schedule.sessions[i];
                let start = grid.row(s.start);
                let end = grid.row(s.end).max(start + 1);
                Block {
                    session: i,
                    column: grid.column_of(s.room),
                    rows: (start, end),
                    title_lines: title_lines(end - start),
                }
            })
            .collect();
        let mut t = origin;
        while t < last {
            grid.labels.push((t, grid.row(t)));
            t += TimeDelta::minutes(LABEL_MINUTES);
        }
        grid
    }

    /// The row an instant falls on (instants outside the day are held to its edges).
    fn row(&self, t: Instant) -> i64 {
        (t.clamp(self.origin, self.last) - self.origin).num_minutes() / SLOT_MINUTES + FIRST_ROW
    }

    /// The column of a room; sessions without one go after the rooms.
    fn column_of(&self, room: Option<usize>) -> usize {
        let index = match room {
            Some(r) => self.rooms.iter().position(|&x| x == r).unwrap_or(0),
            None => self.rooms.len(),
        };
        index + FIRST_COLUMN
    }

    /// How many session columns there are.
    pub fn columns(&self) -> usize {
        self.rooms.len() + usize::from(self.roomless)
    }

    /// Each room shown and its column.
    pub fn room_columns(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.rooms.iter().map(|&r| (r, self.column_of(Some(r))))
    }

    /// The column line after the last column: a line across the whole day
    /// (the "now" line) runs from line 1 to it.
    pub fn end_line(&self) -> usize {
        self.columns() + FIRST_COLUMN
    }

    /// How many rows the grid has, the room names' row included (at least three).
    pub fn rows(&self) -> i64 {
        self.row(self.last).max(FIRST_ROW + 1)
    }

    /// The row of the "now" line, when `at` falls within the day shown.
    pub fn now_row(&self, at: Instant) -> Option<i64> {
        (at >= self.origin && at < self.last).then(|| self.row(at))
    }
}

/// Lines of title a block of `rows` rows has room for, at least one.
fn title_lines(rows: i64) -> u32 {
    let lines = ((rows as f32 * ROW_REM - BLOCK_CHROME_REM) / TITLE_LINE_REM).floor();
    // At most a day of rows, so the value is small and positive here.
    lines.max(1.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schedule::parse_schedule;
    use crate::model::time::parse_instant;

    fn sched() -> Schedule {
        parse_schedule(
            r#"{"version":1,"conference":{"id":"c","title":"C"},
            "rooms":[{"id":"hall","name":"Hall"},{"id":"club","name":"Club"},{"id":"attic","name":"Attic"}],
            "sessions":[
            {"id":"keynote","title":"K","start":"2017-10-26T09:10:00+02:00","end":"2017-10-26T09:40:00+02:00","room":"hall"},
            {"id":"talk","title":"T","start":"2017-10-26T09:40:00+02:00","end":"2017-10-26T11:10:00+02:00","room":"club"},
            {"id":"walk","title":"W","start":"2017-10-26T10:00:00+02:00","end":"2017-10-26T10:00:00+02:00"},
            {"id":"late","title":"L","start":"2017-10-26T11:00:00+02:00","end":"2017-10-26T12:00:00+02:00","room":"hall"},
            {"id":"friday","title":"F","start":"2017-10-27T09:00:00+02:00","end":"2017-10-27T10:00:00+02:00","room":"attic"}
            ]}"#,
        )
        .unwrap()
    }

    fn thursday() -> NaiveDate {
        NaiveDate::from_ymd_opt(2017, 10, 26).unwrap()
    }

    fn grid(hidden: &[&str]) -> Grid {
        let hidden: Vec<String> = hidden.iter().map(|h| h.to_string()).collect();
        match DayLayout::of_day(&sched(), thursday(), &hidden) {
            DayLayout::Grid(g) => g,
            other => panic!("no grid: {other:?}"),
        }
    }

    fn block<'a>(s: &Schedule, g: &'a Grid, id: &str) -> &'a Block {
        g.blocks
            .iter()
            .find(|b| s.sessions[b.session].id == id)
            .unwrap()
    }

    fn at(t: &str) -> Instant {
        parse_instant(t).unwrap()
    }

    #[test]
    fn rows_are_five_minutes_from_the_half_hour_before_the_first_start() {
        let (s, g) = (sched(), grid(&[]));
        // Origin 09:00; 09:10 is two slots in, on row 2 + 2.
        assert_eq!(block(&s, &g, "keynote").rows, (4, 10));
        // 90 minutes are 18 rows, three times the 30-minute keynote.
        assert_eq!(block(&s, &g, "talk").rows, (10, 28));
        assert_eq!(block(&s, &g, "late").rows, (26, 38));
        // 09:00 to 12:00 is 36 rows below the room names.
        assert_eq!(g.rows(), 38);
    }

    #[test]
    fn a_zero_length_session_still_gets_one_row() {
        let (s, g) = (sched(), grid(&[]));
        assert_eq!(block(&s, &g, "walk").rows, (14, 15));
        assert_eq!(block(&s, &g, "walk").title_lines, 1);
    }

    #[test]
    fn rooms_are_columns_in_room_order_and_roomless_sessions_come_last() {
        let (s, g) = (sched(), grid(&[]));
        // Attic has no session on Thursday: no column.
        assert_eq!(g.rooms, [0, 1]);
        assert!(g.roomless);
        assert_eq!(g.columns(), 3);
        assert_eq!(g.room_columns().collect::<Vec<_>>(), [(0, 2), (1, 3)]);
        assert_eq!(
            g.end_line(),
            5,
            "the now line spans the times and three columns"
        );
        assert_eq!(block(&s, &g, "keynote").column, 2);
        assert_eq!(block(&s, &g, "late").column, 2);
        assert_eq!(block(&s, &g, "talk").column, 3);
        assert_eq!(block(&s, &g, "walk").column, 4);
        assert_eq!(
            g.blocks.len(),
            4,
            "Friday's session is not on Thursday's grid"
        );
    }

    #[test]
    fn hidden_rooms_leave_the_grid_and_their_columns_close_up() {
        let (s, g) = (sched(), grid(&["hall"]));
        assert_eq!(g.rooms, [1]);
        assert_eq!(block(&s, &g, "talk").column, 2);
        assert_eq!(block(&s, &g, "walk").column, 3);
        assert!(g
            .blocks
            .iter()
            .all(|b| s.sessions[b.session].room != Some(0)));
        // The day now starts with the talk: origin 09:30.
        assert_eq!(block(&s, &g, "talk").rows, (4, 22));
    }

    #[test]
    fn a_day_whose_rooms_are_all_hidden_is_not_a_day_without_sessions() {
        let s = sched();
        let friday = NaiveDate::from_ymd_opt(2017, 10, 27).unwrap();
        assert_eq!(
            DayLayout::of_day(&s, friday, &["attic".to_string()]),
            DayLayout::AllRoomsHidden
        );
        let saturday = NaiveDate::from_ymd_opt(2017, 10, 28).unwrap();
        assert_eq!(DayLayout::of_day(&s, saturday, &[]), DayLayout::NoSessions);
    }

    #[test]
    fn labels_every_half_hour_until_the_last_end() {
        let g = grid(&[]);
        let rows: Vec<i64> = g.labels.iter().map(|&(_, r)| r).collect();
        assert_eq!(rows, [2, 8, 14, 20, 26, 32]);
        assert_eq!(g.labels[1].0, at("2017-10-26T09:30:00+02:00"));
        assert_eq!(LABEL_ROWS, 6);
    }

    #[test]
    fn the_now_line_is_on_the_row_of_now_and_only_within_the_day() {
        let g = grid(&[]);
        assert_eq!(g.now_row(at("2017-10-26T09:00:00+02:00")), Some(2));
        assert_eq!(g.now_row(at("2017-10-26T09:24:00+02:00")), Some(6));
        assert_eq!(g.now_row(at("2017-10-26T09:54:00+02:00")), Some(12));
        assert_eq!(g.now_row(at("2017-10-26T08:59:00+02:00")), None);
        assert_eq!(g.now_row(at("2017-10-26T12:00:00+02:00")), None);
        assert_eq!(g.now_row(at("2017-10-27T10:00:00+02:00")), None);
    }

    #[test]
    fn title_lines_grow_with_the_block() {
        let (s, g) = (sched(), grid(&[]));
        // 30 minutes: 6 rows of 0.7rem = 4.2rem, less 1.4rem, is two 1.1rem lines.
        assert_eq!(block(&s, &g, "keynote").title_lines, 2);
        // 90 minutes: 18 rows = 12.6rem, less 1.4rem: ten lines.
        assert_eq!(block(&s, &g, "talk").title_lines, 10);
        assert_eq!(title_lines(1), 1);
        assert_eq!(title_lines(0), 1);
    }
}
