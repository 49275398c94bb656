"""Upload limits: the editor gets the form's own error and nothing is stored."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#12355b").save(buffer, format="PNG")
    return SimpleUploadedFile("big.png", buffer.getvalue(), content_type="image/png")


def upload_image(client, upload):
    return client.post(reverse("wagtailimages:add"), {"title": "Upload", "file": upload})


def test_an_81_megapixel_image_is_refused_with_the_forms_error(client, editor):
    client.force_login(editor)
    response = upload_image(client, png(9000, 9000))
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors[0] == "This file has too many pixels (81000000). Maximum pixels 40000000."
    assert not get_image_model().objects.filter(title="Upload").exists()


def test_an_image_within_the_limits_is_stored(client, editor):
    client.force_login(editor)
    response = upload_image(client, png(6000, 4000))  # 24 megapixels
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Upload").exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=10_000)
def test_an_image_file_past_the_byte_limit_is_refused(client, editor):
    client.force_login(editor)
    noise = PILImage.effect_noise((400, 400), 100).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG")
    response = upload_image(client, SimpleUploadedFile("noise.png", buffer.getvalue()))
    assert "Maximum filesize 9.8\xa0KB" in response.context["form"].errors["file"][0]
    assert not get_image_model().objects.filter(title="Upload").exists()


def upload_document(client, size):
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + b"0" * size)
    return client.post(reverse("wagtaildocs:add"), {"title": "Report", "file": upload})


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=50_000)
def test_a_document_past_the_limit_is_refused_and_a_smaller_one_stored(client, editor):
    client.force_login(editor)
    response = upload_document(client, 60_000)
    assert response.status_code == 200
    error = response.context["form"].errors["file"][0]
    assert error == "This file is too big (58.6\xa0KB). Maximum filesize 48.8\xa0KB."
    assert not get_document_model().objects.filter(title="Report").exists()
    assert upload_document(client, 40_000).status_code == 302
    assert get_document_model().objects.filter(title="Report").exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=50_000)
def test_the_multiple_upload_refuses_a_document_past_the_limit(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + b"0" * 60_000)
    response = client.post(reverse("wagtaildocs:add_multiple"), {"files[]": upload})
    assert response.json()["success"] is False
    assert "Maximum filesize 48.8\xa0KB" in response.json()["error_message"]
    assert not get_document_model().objects.filter(file__contains="report").exists()
