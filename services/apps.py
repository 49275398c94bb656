from django.apps import AppConfig


class ServicesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "services"
    verbose_name = "Services"

    def ready(self):
        from pages.home_sections import HomeSection, register_home_section
        from services.models import promoted_services

        register_home_section(
            HomeSection(
                key="services",
                heading="Services",
                card_template="components/service_card.html",
                items=promoted_services,
                order=10,
            )
        )
