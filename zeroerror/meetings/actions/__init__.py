"""Write paths of 会务工作, one module per domain. Each ``do_*`` runs in one durable transaction, validates before
writing (Chinese messages) and writes its audit record in the same transaction.

- ``rooms``: rooms (一(二)2, 5)
- ``booking``: the 会议方案, room booking, recurring meetings, the attendee list (一(二)1, 2)
- ``approval``: 报批, 统一扎口把关, approval, 退回, 取消 (一(二)1)
- ``notices``: notices, replies, the reply reminder (一(二)3)
- ``signin``: on-site sign-in (一(二)7)
- ``seats``: seating charts (一(二)7, 9)
- ``checks``: pre-meeting checks (一(二)4, 5)
- ``publicity``: 会风监督 (一(二)10), news (一(二)6), banners (一(二)9)
- ``materials``: materials and handouts (一(二)8)
- ``records``: minutes, decisions, the meeting's files, exports (一(二)11, 12, 13)
- ``common``: helpers shared by the above

Everything other code imports is re-exported here. To replace a function in a test, patch it in the module that
looks it up (e.g. ``zeroerror.meetings.actions.booking._send_notices``), not here.
"""

from zeroerror.meetings.actions.approval import (
    do_approve_meeting,
    do_cancel_meeting,
    do_director_check_meeting,
    do_reject_meeting,
    do_return_meeting,
    do_submit_meeting,
)
from zeroerror.meetings.actions.booking import (
    MAX_OCCURRENCES,
    MEETING_FIELDS,
    PLAN_FIELDS,
    WITHDRAWN_FIELDS,
    do_create_meeting,
    do_reschedule_meeting,
    do_set_attendees,
    do_update_meeting,
    draft_hold_until,
    involves_principal_heads,
    occurrences,
)
from zeroerror.meetings.actions.checks import do_sign_checklist
from zeroerror.meetings.actions.common import SIGNIN_OPENS_BEFORE, snapshot_diff
from zeroerror.meetings.actions.materials import copies_to_print, do_hand_out_material, do_upload_material
from zeroerror.meetings.actions.notices import (
    NOTICE_LEAD_WORKDAYS,
    REPLY_REMINDER_BEFORE,
    default_reply_deadline,
    do_record_reply,
    do_send_notices,
    notice_deadline,
    notice_text,
    remind_replies,
)
from zeroerror.meetings.actions.publicity import (
    banner_proof,
    banner_revision,
    do_approve_banner,
    do_approve_news,
    do_draft_news,
    do_enter_banner,
    do_print_banner,
    do_publish_news,
    do_report_breach,
    do_set_supervisors,
    proofread_findings,
)
from zeroerror.meetings.actions.records import (
    FILE_PURPOSES,
    do_add_decision,
    do_attach_meeting_file,
    do_record_export,
    do_record_minutes,
    do_record_schedule_export,
)
from zeroerror.meetings.actions.rooms import ROOM_FIELDS, do_create_room, do_update_room
from zeroerror.meetings.actions.seats import do_generate_seating, do_move_seat, do_swap_seats, plan_from, seating_input
from zeroerror.meetings.actions.signin import (
    QR_CLOSED,
    do_record_signin,
    do_report_attendance,
    do_tick_signin,
    qr_open,
    signin_open,
    signin_target,
)

__all__ = [
    "FILE_PURPOSES", "MAX_OCCURRENCES", "MEETING_FIELDS", "NOTICE_LEAD_WORKDAYS", "PLAN_FIELDS", "REPLY_REMINDER_BEFORE",
    "QR_CLOSED", "ROOM_FIELDS", "SIGNIN_OPENS_BEFORE", "WITHDRAWN_FIELDS",
    "default_reply_deadline", "draft_hold_until", "involves_principal_heads", "qr_open", "signin_target",
    "do_reject_meeting", "do_reschedule_meeting", "do_record_schedule_export",
    "banner_proof", "banner_revision", "copies_to_print", "notice_deadline", "notice_text", "occurrences", "plan_from", "proofread_findings",
    "remind_replies", "seating_input", "signin_open", "snapshot_diff",
    "do_add_decision", "do_approve_banner", "do_approve_meeting", "do_approve_news", "do_attach_meeting_file",
    "do_cancel_meeting", "do_create_meeting", "do_create_room", "do_director_check_meeting", "do_draft_news",
    "do_enter_banner", "do_generate_seating", "do_hand_out_material", "do_move_seat", "do_print_banner",
    "do_publish_news", "do_record_export", "do_record_minutes", "do_record_reply", "do_record_signin",
    "do_report_attendance", "do_report_breach", "do_return_meeting", "do_send_notices", "do_set_attendees",
    "do_set_supervisors", "do_sign_checklist", "do_submit_meeting", "do_swap_seats", "do_tick_signin",
    "do_update_meeting", "do_update_room", "do_upload_material",
]
