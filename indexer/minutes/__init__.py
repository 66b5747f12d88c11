"""Meeting minutes read at index time: agenda items, decisions, action items, participants and
the next meeting of every referat, stored as a `MeetingRecord` beside its chunks."""
