"""Proofreading speed: characters per second on a long synthetic 公文, per rule category and in total.

    .venv/bin/python bench/proofread_speed.py [--chars 20000] [--repeat 5]

Goals: well over 1 MB/s on one core for the rule categories (issue 6); under 300 ms of one core's CPU time for a
20,000-character 公文 with the statistical 错别字 layer (issue 17). Times are CPU time of this process (the machine is
shared: wall-clock time would measure the neighbours), best of --repeat."""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zeroerror.proofread.engine import core, number, privacy, proofread_text, punctuation, secrecy, typo, variant  # noqa: E402
from zeroerror.proofread.engine import format as format_rules  # noqa: E402

PARAGRAPHS = [
    "关于进一步加强安全生产工作的通知",
    "各区县人民政府，市政府各部门，各有关单位：",
    "为深入贯彻落实党中央、国务院关于安全生产工作的决策部署，切实防范化解重大安全风险，坚决遏制重特大事故发生，"
    "经市政府同意，现就有关事项通知如下。",
    "一、总体要求",
    "坚持人民至上、生命至上，统筹发展和安全，按照“党政同责、一岗双责、齐抓共管、失职追责”的要求，"
    "压紧压实各方责任，确保全市安全生产形势持续稳定向好。",
    "（一）强化责任落实。各地区各部门要建立健全安全生产责任体系，主要负责同志是第一责任人，对本地区本部门"
    "安全生产工作负总责。2026年4月8日前，各单位要将责任清单报市应急管理局备案，联系电话0591-87654321。",
    "1.开展隐患排查。组织对危险化学品、矿山、交通运输、建筑施工等重点行业领域开展全覆盖排查，建立问题清单、"
    "整改清单和责任清单，实行闭环管理，计划投入资金3亿元～5亿元，完成率达到95%以上。",
    "2.加强执法检查。严格执行《中华人民共和国安全生产法》《生产安全事故应急条例》等法律法规，"
    "对违法违规行为依法从严查处，典型案例在市政府门户网站 https://www.example.gov.cn 公开曝光。",
    "二、保障措施",
    "各单位要加强组织领导，细化工作方案，明确时间节点，确保各项任务按期完成。工作中遇到的重大问题，请及时报告。",
    "附件：1.重点行业领域隐患排查清单",
    "抄送：市委办公室，市人大常委会办公室，市政协办公室。",
]
CATEGORIES = {
    "typo": typo.check, "variant": variant.check, "punctuation": punctuation.check, "number": number.check,
    "format": format_rules.check, "privacy": privacy.check, "secrecy": secrecy.check,
}


def document(chars: int) -> str:
    out, size, i = [], 0, 0
    while size < chars:
        p = PARAGRAPHS[i % len(PARAGRAPHS)]
        out.append(p)
        size += len(p) + 1
        i += 1
    return "\n".join(out)[:chars]


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=20000)
    parser.add_argument("--long", type=int, default=1_000_000, help="size of the long document for throughput")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    t = time.process_time()
    typo.warm_up()
    proofread_text("预热。")
    print(f"one-time load (language model, vocabulary, confusion table, word lists): "
          f"{(time.process_time() - t) * 1000:.0f} ms CPU; peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    doc = document(args.chars)
    total = timed(lambda: proofread_text(doc), args.repeat)
    print(f"{len(doc):,}-character 公文, all rules (document profile): {total * 1000:.1f} ms "
          f"({len(doc) / total / 1e6:.2f} M chars/s)  goal < 300 ms: {'OK' if total < 0.3 else 'MISSED'}")

    long_doc = document(args.long)
    ctx = core.Context(long_doc)
    mb = len(long_doc.encode("utf-8")) / 1e6
    rule_time = 0.0
    print(f"throughput on {len(long_doc):,} characters ({mb:.1f} MB UTF-8), best of {args.repeat}:")
    for name, check in CATEGORIES.items():
        dt = timed(lambda check=check: list(check(long_doc, ctx)), args.repeat)
        if name != "typo":
            rule_time += dt
        print(f"  {name:12s} {len(long_doc) / dt / 1e6:7.2f} M chars/s  {mb / dt:7.2f} MB/s")
    print(f"  rule categories together (all but typo): {mb / rule_time:.2f} MB/s "
          f"goal > 1 MB/s: {'OK' if mb / rule_time > 1 else 'MISSED'}")
    dt = timed(lambda: proofread_text(long_doc), max(1, args.repeat // 2))
    print(f"  everything (proofread_text): {len(long_doc) / dt / 1e6:.2f} M chars/s  {mb / dt:.2f} MB/s")


if __name__ == "__main__":
    main()
