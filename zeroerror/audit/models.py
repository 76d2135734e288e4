"""The append-only audit trail.

Each record carries ``hash = HMAC-SM3(key, canonical(fields + prev_hash))``; ``AuditHead`` holds the sequence number and
hash of the newest record and serialises writers (its row is locked for the length of the writing transaction).
Database triggers (see migration 0002) refuse UPDATE and DELETE of audit records on SQLite and PostgreSQL.
"""

from django.conf import settings
from django.db import models


class AuditKind(models.TextChoices):
    CREATE = "create", "新建"
    CHANGE = "change", "修改"
    TRANSITION = "transition", "状态变更"
    LOGIN = "login", "登录成功"
    LOGIN_FAILED = "login_failed", "登录失败"
    LOGOUT = "logout", "退出登录"
    EXPORT = "export", "导出"
    IMPORT = "import", "导入"
    VIEW = "view", "查看"
    DOWNLOAD = "download", "下载"
    PERMISSION = "permission", "权限变更"
    SEARCH = "search", "审计查询"
    SYSTEM = "system", "系统任务"


class AuditRecordQuerySet(models.QuerySet):
    def search(self, *, text: str = "", actor=None, kind: str = "", start=None, end=None):
        qs = self
        if text:
            qs = qs.filter(
                models.Q(action__icontains=text)
                | models.Q(object_repr__icontains=text)
                | models.Q(object_type__icontains=text)
                | models.Q(actor_name__icontains=text)
                | models.Q(ip__icontains=text)
            )
        if actor is not None:
            qs = qs.filter(actor=actor)
        if kind:
            qs = qs.filter(kind=kind)
        if start:
            qs = qs.filter(at__gte=start)
        if end:
            qs = qs.filter(at__lt=end)
        return qs.order_by("-seq")

    def for_object(self, obj):
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).order_by("seq")


class AuditRecord(models.Model):
    seq = models.BigIntegerField("序号", unique=True)
    at = models.DateTimeField("时间", db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField("操作人姓名", max_length=100, blank=True)
    kind = models.CharField("类别", max_length=20, choices=AuditKind.choices)
    action = models.CharField("事件", max_length=100, db_index=True)
    object_type = models.CharField("对象类型", max_length=100, blank=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    object_repr = models.CharField("对象", max_length=300, blank=True)
    changes = models.JSONField("变更内容", default=dict, blank=True)
    ip = models.CharField("来源地址", max_length=64, blank=True)
    success = models.BooleanField("成功", default=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "审计记录"
        verbose_name_plural = "审计记录"
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"

    def hashed_fields(self) -> dict:
        return {
            "seq": self.seq,
            "at": self.at.isoformat(),
            "actor": self.actor_id,
            "actor_name": self.actor_name,
            "kind": self.kind,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "object_repr": self.object_repr,
            "changes": self.changes,
            "ip": self.ip,
            "success": self.success,
            "prev_hash": self.prev_hash,
        }


class AuditHead(models.Model):
    """The newest link of the chain; one row (id=1). Locked by every writer."""

    seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = "审计链头"

    def __str__(self) -> str:
        return f"audit head #{self.seq}"
