from django.core.management.base import BaseCommand

from zeroerror.rulebook.catalogue import available_versions
from zeroerror.rulebook.models import load_catalogue


class Command(BaseCommand):
    help = "把规定条款目录载入数据库（幂等；默认载入所有随程序发布的版本）"

    def add_arguments(self, parser):
        parser.add_argument("versions", nargs="*", help="版本号，如 v1")

    def handle(self, *args, versions, **options):
        for version in versions or available_versions():
            row, created = load_catalogue(version)
            self.stdout.write(f"{row}：新增条款 {created} 条，共 {row.clauses.count()} 条")
