//! The UI: one file per view or widget. Views read signals and call the core.

pub mod agenda;
pub mod conferences;
pub mod error_page;
pub mod filter_bar;
pub mod follow;
pub mod frame;
pub mod language;
pub mod layout;
pub mod lazy;
pub mod live;
pub mod nav_link;
pub mod now_page;
pub mod open_schedule;
pub mod programme;
pub mod reminders;
pub mod room_page;
pub mod route_item;
pub mod session_card;
pub mod session_links;
pub mod session_list;
pub mod session_page;
pub mod shared_agenda;
pub mod speakers;
pub mod star;
pub mod timetable;
pub mod zone_prompt;
