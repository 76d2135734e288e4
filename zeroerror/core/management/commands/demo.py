from django.core.management.base import BaseCommand

from zeroerror.core.demo import steps


class Command(BaseCommand):
    help = "建立演示单位（幂等：已建立的部分跳过）。"

    def handle(self, *args, **options):
        for _order, name, step in steps():
            self.stdout.write(f"== {name}")
            step(self.stdout.write)
