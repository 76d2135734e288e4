import uuid

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class AttachmentQuerySet(models.QuerySet):
    def for_owner(self, owner):
        return self.filter(
            owner_type=ContentType.objects.get_for_model(owner), owner_id=owner.pk, withdrawn_at__isnull=True
        ).select_related("uploaded_by")


class Attachment(models.Model):
    """A file kept under the data dir with a random name; served only through a permission-checked view."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    owner_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("owner_type", "owner_id")
    purpose = models.CharField("用途", max_length=50, blank=True, help_text="如 扫描件、证据材料、录音")
    original_name = models.CharField("文件名", max_length=200)
    stored_name = models.CharField(max_length=100, unique=True)
    content_type = models.CharField(max_length=100)
    kind = models.CharField("类型", max_length=20)
    size = models.PositiveBigIntegerField("大小")
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="+", null=True)
    uploaded_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        indexes = [models.Index(fields=["owner_type", "owner_id"])]

    def __str__(self) -> str:
        return self.original_name
