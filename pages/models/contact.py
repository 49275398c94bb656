"""The contact page: Wagtail's form builder with a thank-you message and a honeypot."""

from django import forms
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel

from pages.models.base import BasePage
from pages.models.site_settings import SiteSettings

# Hidden from people (CSS and aria-hidden), filled in by bots that fill in every field.
HONEYPOT_FIELD = "leave_this_blank"


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(EmailFormMixin, FormMixin, BasePage):
    intro = models.TextField(blank=True, help_text="A few words above the form.")
    thank_you_text = models.TextField(
        default="Thank you for getting in touch. I will reply within two working days.",
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
        return super().serve(request, *args, **kwargs)

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

    def send_mail(self, form):
        to_address, self.to_address = self.to_address, self.recipients()
        try:
            super().send_mail(form)
        finally:
            self.to_address = to_address
