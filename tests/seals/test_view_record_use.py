"""The custodian records a use from a phone, with a photo of the sealed page (一(六)3, 4)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.attachments.conftest import png_bytes
from tests.refusals import nothing_changes, refusal
from zeroerror.attachments.models import Attachment
from zeroerror.seals.models import RefusedUse, SealUse

PHONE = {"HTTP_USER_AGENT": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"}


@pytest.mark.clause("一(六)3", "一(六)4")
def test_the_custodian_records_a_use_with_a_photo_from_a_phone(org, login, approved):
    request = approved()
    client = login(org.kate)
    page = client.get(f"/seals/requests/{request.pk}/use/", **PHONE).content.decode()
    assert 'capture="environment"' in page and 'name="viewport"' in page
    photo = SimpleUploadedFile("盖章页.png", png_bytes(), content_type="image/png")
    response = client.post(f"/seals/requests/{request.pk}/use/",
                           {"copies": 3, "content_checked": "on", "note": "", "photo": photo}, follow=True, **PHONE)
    use = SealUse.objects.get()
    assert "已登记用印" in response.content.decode()
    attachment = Attachment.objects.for_owner(use).get()
    assert (attachment.purpose, attachment.original_name) == ("用印页照片", "盖章页.png")
    assert "盖章页.png" in response.content.decode()
    # the requester may see the row and its photo; a colleague of another department may not
    assert login(org.charlie).get(f"/files/{attachment.uid}/").status_code == 200
    assert login(org.medhead).get(f"/files/{attachment.uid}/").status_code in (403, 404)


@pytest.mark.clause("一(六)2")
def test_a_post_for_more_copies_than_approved_shows_the_refusal_and_records_nothing(org, login, approved):
    request = approved(copies=2)
    response = login(org.kate).post(f"/seals/requests/{request.pk}/use/", {"copies": 9, "content_checked": "on"})
    assert "用印份数（9份）超过批准的份数（2份），不能用印。" in response.content.decode()
    assert not SealUse.objects.exists()
    assert RefusedUse.objects.get().copies == 9


@pytest.mark.parametrize("copies", ["abc", "-1", "99999999999999999999"])
def test_silly_copies_are_a_form_error_not_a_500(org, login, approved, copies):
    request = approved()
    client = login(org.kate)
    with nothing_changes():
        response = client.post(f"/seals/requests/{request.pk}/use/", {"copies": copies, "content_checked": "on"})
    assert response.status_code == 200


@pytest.mark.clause("一(六)3")
def test_someone_else_cannot_open_the_custodians_page(org, login, approved):
    request = approved()
    client = login(org.alice)
    with nothing_changes():
        response = client.post(f"/seals/requests/{request.pk}/use/", {"copies": 3, "content_checked": "on"})
    assert refusal(response) == (403, "只有该印章的专管员本人可以用印并登记。")


def test_another_unit_sees_no_such_request(org, login, approved, other_unit):
    request = approved()
    assert login(other_unit.director).get(f"/seals/requests/{request.pk}/").status_code == 404
    assert login(org.medhead).get(f"/seals/requests/{request.pk}/").status_code == 404
