"""Write paths of 公文处理. Each ``do_*`` runs in one durable transaction that validates first (Chinese
messages; nothing changes on refusal), locks the document row, writes the 流转记录 and the audit record.

发文 (条例 第二十五条): 拟稿 → 核稿 → 首读 → 签发 → 编号 → 印制 → 分发 → 归档.
收文 (条例 第二十四条): 签收 → 登记 → 初审 → 拟办 → 批示 → 承办 → 办结 → 归档.

The package splits them by domain: :mod:`.common` (shared helpers), :mod:`.outgoing` (拟稿 … 签发),
:mod:`.numbering` (编号, 作废文号), :mod:`.printing` (印制, 分发, 回执, 归档), :mod:`.incoming` (收文),
:mod:`.circulation` (传阅), :mod:`.general` (either kind: attachments, 流转范围, audited views/exports) and
:mod:`.secrecy` (保密期限届满 tick task). Import the names from here.
"""

from zeroerror.documents.actions.agency import (  # noqa: F401
    choose_agency_code,
    do_save_agency_code,
    letterhead_problem,
)
from zeroerror.documents.actions.circulation import (  # noqa: F401
    do_circulate_incoming,
    do_mark_read,
    do_withdraw_circulation,
)
from zeroerror.documents.actions.common import (  # noqa: F401
    CLAUSE_DISTRIBUTION,
    CLAUSE_FIRST_READ,
    CLAUSE_INCOMING_REVIEW,
    CLAUSE_INSTRUCTION,
    CLAUSE_TIME_LIMIT,
    TIME_LIMITS_FILE,
    detail_url,
    file_time_limit_table,
    label,
    notify_about,
    put_on_route,
    time_limit_table,
)
from zeroerror.documents.actions.general import (  # noqa: F401
    do_add_to_route,
    do_attach_file,
    record_export,
    record_list_export,
    record_view,
)
from zeroerror.documents.actions.incoming import (  # noqa: F401
    do_archive_incoming,
    do_assign_incoming,
    do_complete_incoming,
    do_instruct_incoming,
    do_propose_incoming,
    do_receive_incoming,
    do_record_paper_instruction,
    do_register_incoming,
    do_review_incoming,
    do_withdraw_receipt,
)
from zeroerror.documents.actions.limits import do_save_time_limits  # noqa: F401
from zeroerror.documents.actions.numbering import (  # noqa: F401
    do_assign_number,
    do_void_number,
)
from zeroerror.documents.actions.outgoing import (  # noqa: F401
    OUTGOING_FIELDS,
    SUBSTANTIVE_FIELDS,
    do_countersign,
    do_create_outgoing,
    do_first_read,
    do_review_outgoing,
    do_sign_outgoing,
    do_update_outgoing,
)
from zeroerror.documents.actions.printing import (  # noqa: F401
    PRINT_CHECKS,
    do_archive_outgoing,
    do_distribute_outgoing,
    do_print_outgoing,
    do_record_receipt,
    letterhead_fault,
    organs,
    required_recipients,
)
from zeroerror.documents.actions.secrecy import (  # noqa: F401
    notice_secrecy_expiry,
)
from zeroerror.documents.actions.senders import do_save_sender_organ  # noqa: F401
