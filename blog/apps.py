from django.apps import AppConfig


class BlogConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from blog.queries import latest_posts
        from pages.home_sections import HomeSection, register_home_section

        register_home_section(
            HomeSection(
                key="posts",
                heading="From the blog",
                card_template="components/post_card.html",
                items=latest_posts,
                order=20,
            )
        )
