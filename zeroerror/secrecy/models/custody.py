"""Removable storage media (一(七)4) and the custody of electronic seals and keys (一(七)3), each use logged."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from zeroerror.org.models import Department, Person, Unit
from zeroerror.secrecy.models.carriers import Classification


class Network(models.TextChoices):
    INTERNAL = "internal", "内网（涉密）专用"
    EXTERNAL = "external", "外网（非涉密）使用"


class MediumKind(models.TextChoices):
    USB = "usb", "U盘"
    DISK = "disk", "移动硬盘"
    CARD = "card", "存储卡"
    DISC = "disc", "光盘"


class MediumStatus(models.TextChoices):
    ACTIVE = "active", "在用"
    LOST = "lost", "遗失"
    DESTROYED = "destroyed", "已销毁"


class MediumQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def active(self):
        return self.filter(status=MediumStatus.ACTIVE)

    def kept_by(self, person):
        return self.filter(custodian=person)

    def with_people(self):
        return self.select_related("custodian", "department")


class Medium(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="media")
    number = models.CharField("编号", max_length=40)
    kind = models.CharField("类型", max_length=20, choices=MediumKind.choices, default=MediumKind.USB)
    model_name = models.CharField("品牌型号", max_length=100, blank=True)
    serial = models.CharField("序列号", max_length=100, blank=True)
    network = models.CharField("使用范围", max_length=20, choices=Network.choices)
    classification = models.CharField("最高密级", max_length=20, choices=Classification.choices, blank=True,
                                      help_text="内网专用介质存储信息的最高密级")
    custodian = models.ForeignKey(Person, verbose_name="保管人", on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey(Department, verbose_name="使用科室", on_delete=models.PROTECT, related_name="+")
    status = models.CharField("状态", max_length=20, choices=MediumStatus.choices, default=MediumStatus.ACTIVE)
    registered_at = models.DateTimeField("登记时间", default=timezone.now)
    registered_by = models.ForeignKey(Person, verbose_name="登记人", null=True, on_delete=models.PROTECT,
                                      related_name="+")
    status_note = models.CharField("状态说明", max_length=500, blank=True)

    objects = MediumQuerySet.as_manager()

    class Meta:
        verbose_name = "移动存储介质"
        verbose_name_plural = "移动存储介质"
        ordering = ["number", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "number"], name="medium_unique_number")]

    def __str__(self) -> str:
        return f"{self.number}（{self.get_kind_display()}）"


class MediumUseQuerySet(models.QuerySet):
    def with_people(self):
        return self.select_related("used_by", "recorded_by")


class MediumUse(models.Model):
    medium = models.ForeignKey(Medium, verbose_name="介质", on_delete=models.PROTECT, related_name="uses")
    used_at = models.DateTimeField("使用时间")
    computer = models.CharField("计算机/设备", max_length=100)
    network = models.CharField("所在网络", max_length=20, choices=Network.choices)
    purpose = models.CharField("用途", max_length=300)
    used_by = models.ForeignKey(Person, verbose_name="使用人", on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(Person, verbose_name="登记人", null=True, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField("登记时间", default=timezone.now)

    objects = MediumUseQuerySet.as_manager()

    class Meta:
        verbose_name = "介质使用记录"
        verbose_name_plural = "介质使用记录"
        ordering = ["-used_at", "-id"]

    def __str__(self) -> str:
        return f"{self.medium.number} 使用记录"


class MediumIncident(models.Model):
    """A refused use log that reveals a cross-network use (一(七)4): kept as the source of the proposed lead."""

    medium = models.ForeignKey(Medium, verbose_name="介质", on_delete=models.PROTECT, related_name="incidents")
    used_at = models.DateTimeField("使用时间")
    computer = models.CharField("计算机/设备", max_length=100)
    network = models.CharField("所在网络", max_length=20, choices=Network.choices)
    used_by = models.ForeignKey(Person, verbose_name="使用人", on_delete=models.PROTECT, related_name="+")
    reported_by = models.ForeignKey(Person, verbose_name="登记人", null=True, on_delete=models.PROTECT,
                                    related_name="+")
    reported_at = models.DateTimeField("发现时间", default=timezone.now)
    reason = models.CharField("问题", max_length=300)

    class Meta:
        verbose_name = "介质混用记录"
        verbose_name_plural = "介质混用记录"
        ordering = ["-reported_at", "-id"]

    def __str__(self) -> str:
        return f"{self.medium.number} 混用记录"


class KeyKind(models.TextChoices):
    E_SEAL = "e_seal", "电子印章"
    CERTIFICATE = "certificate", "数字证书（UKey）"
    CRYPTO_KEY = "crypto_key", "密钥"
    SAFE_KEY = "safe_key", "保险柜钥匙"


class KeyItemQuerySet(models.QuerySet):
    def of_unit(self, unit):
        return self.filter(unit=unit)

    def active(self):
        return self.filter(active=True)

    def usable_by(self, person):
        return self.filter(models.Q(custodian=person) | models.Q(authorised=person)).distinct()

    def with_people(self):
        return self.select_related("custodian").prefetch_related("authorised")


class KeyItem(models.Model):
    """An electronic seal, certificate, key or safe key: one custodian, the people allowed to use it (一(七)3)."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="key_items")
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类别", max_length=20, choices=KeyKind.choices)
    custodian = models.ForeignKey(Person, verbose_name="保管人", on_delete=models.PROTECT, related_name="+")
    custodian_since = models.DateField("保管起始日期", default=timezone.localdate)
    authorised = models.ManyToManyField(Person, verbose_name="授权使用人", blank=True, related_name="+")
    location = models.CharField("存放位置", max_length=200)
    active = models.BooleanField("在用", default=True)

    objects = KeyItemQuerySet.as_manager()

    class Meta:
        verbose_name = "电子印章与密钥"
        verbose_name_plural = "电子印章与密钥"
        ordering = ["kind", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="key_item_unique_name")]

    def __str__(self) -> str:
        return self.name


class KeyUseQuerySet(models.QuerySet):
    def with_people(self):
        return self.select_related("used_by", "recorded_by", "key")


class KeyUse(models.Model):
    key = models.ForeignKey(KeyItem, verbose_name="电子印章/密钥", on_delete=models.PROTECT, related_name="uses")
    used_at = models.DateTimeField("使用时间")
    used_by = models.ForeignKey(Person, verbose_name="使用人", on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField("用途", max_length=300)
    recorded_by = models.ForeignKey(Person, verbose_name="登记人", null=True, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField("登记时间", default=timezone.now)

    objects = KeyUseQuerySet.as_manager()

    class Meta:
        verbose_name = "电子印章/密钥使用记录"
        verbose_name_plural = "电子印章/密钥使用记录"
        ordering = ["-used_at", "-id"]

    def __str__(self) -> str:
        return f"{self.key.name} 使用记录"
