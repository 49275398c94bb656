"""The contact page: Wagtail's form builder with a thank-you message, a honeypot and a limit
on posts per visitor's address (CONTACT_FORM_RATE, docs/throttling.md). The email it sends
names the form in its subject and answers to the visitor (Reply-To)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.template.response import TemplateResponse
from django_ratelimit.core import is_ratelimited
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel

from pages.models.base import BasePage
from pages.models.site_settings import SiteSettings

# Hidden from people (CSS and aria-hidden), filled in by bots that fill in every field.
HONEYPOT_FIELD = "leave_this_blank"
TOO_MANY_POSTS = (
    "You have sent several messages in a short time, so this one was not sent yet. "
    "Your text is kept below: please send it again in a few minutes."
)


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(EmailFormMixin, FormMixin, BasePage):
    intro = models.TextField(blank=True, help_text="A few words above the form.")
    thank_you_text = models.TextField(
        default=(
            "Thank you, your message is with us. We read every one ourselves and will reply "
            "within two working days."
        ),
        help_text="Shown after a visitor sends the form.",
    )

    max_count = 1
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    template = "pages/contact_page.html"
    landing_page_template = "pages/contact_page_landing.html"

    content_panels = [
        *BasePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields", heading="Form fields"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Email",
            help_text="Empty “to address”: submissions go to the contact email in site settings.",
        ),
    ]

    class Meta:
        verbose_name = "contact page"

    @classmethod
    def serving_queryset(cls):
        """With its form fields (kept with the page as served: pages.routing)."""
        return super().serving_queryset().prefetch_related("form_fields")

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        trap = forms.CharField(
            required=False,
            label="Leave this field empty",
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        trap.is_honeypot = True  # the template hides it by this flag, not by its name
        form.fields[HONEYPOT_FIELD] = trap
        return form

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and request.POST.get(HONEYPOT_FIELD):
            # A bot: answer as if all went well, but store and send nothing.
            return self.render_landing_page(request)
        if request.method == "POST" and self.too_many_posts(request):
            return self.render_refused(request)
        return super().serve(request, *args, **kwargs)

    def too_many_posts(self, request):
        # Counted on the shared cache by the vetted client address (RATELIMIT_IP_META_KEY).
        return is_ratelimited(
            request, group="contact-form", key="ip", rate=settings.CONTACT_FORM_RATE, increment=True
        )

    def render_refused(self, request):
        """The form again, with what the visitor typed and why it was not sent (429)."""
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        form.add_error(None, TOO_MANY_POSTS)
        context = {**self.get_context(request), "form": form}
        return TemplateResponse(request, self.get_template(request), context, status=429)

    def process_form_submission(self, form):
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        del form.fields[HONEYPOT_FIELD]
        submission = FormMixin.process_form_submission(self, form)
        if self.recipients():
            self.send_mail(form)
        return submission

    def recipients(self):
        if self.to_address:
            return self.to_address
        return SiteSettings.for_site(self.get_site()).contact_email

    def email_subject(self):
        """The editor's subject with the form's name, so the inbox says where it came from."""
        return f"{self.title} form: {self.subject or 'a new message'}"

    @staticmethod
    def reply_to(form):
        """The visitor's address from the form's first email field, or None. Validated again
        here (an email field already refuses line breaks) so no header can be injected."""
        for name, field in form.fields.items():
            if not isinstance(field, forms.EmailField):
                continue
            address = str(form.cleaned_data.get(name) or "")
            if not address or "\r" in address or "\n" in address:
                return None
            try:
                validate_email(address)
            except ValidationError:
                return None
            return address
        return None

    def send_mail(self, form):
        addresses = [each.strip() for each in self.recipients().split(",") if each.strip()]
        reply_to = self.reply_to(form)
        send_mail(
            self.email_subject(),
            self.render_email(form),
            addresses,
            self.from_address,
            reply_to=[reply_to] if reply_to else None,
        )
