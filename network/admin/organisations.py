from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dimobel.countries import country_names
from dimobel.csv_export import csv_response
from dimobel.files import ReplacedFilesAdminMixin, clean_uploaded_image
from dimobel.mail import absolute_url
from network.forms.organisations import LOGO_BOX, CountriesField
from network.models import Membership, Organisation
from network.services import organisations as services


class CountryListFilter(admin.SimpleListFilter):
    """Organisations active in a country (only the countries some organisation names)."""

    title = _("countries of activity")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        used = set()
        for codes in Organisation.objects.values_list("countries", flat=True):
            used.update(codes)
        codes = sorted(used, key=lambda code: (code not in ("BE", "MA"), country_names([code])[0]))
        return list(zip(codes, country_names(codes), strict=True))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(countries__contains=[self.value()])
        return queryset


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["member", "role", "is_admin", "status", "requested_at", "decided_at"]
    readonly_fields = ["requested_at", "decided_at"]
    autocomplete_fields = ["member"]


class OrganisationAdminForm(forms.ModelForm):
    countries = CountriesField(label=_("countries of activity"), required=False)
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["logo", "countries", "website"]  # the admin's fieldsets give the full list

    def clean_logo(self):
        # The same checks as members' uploads: content, size, resized and re-encoded.
        return clean_uploaded_image(self.cleaned_data.get("logo"), box=LOGO_BOX)


@admin.register(Organisation)
class OrganisationAdmin(ReplacedFilesAdminMixin, admin.ModelAdmin):
    form = OrganisationAdminForm
    list_display = ["name", "kind", "city", "is_verified", "is_published", "created_at"]
    list_filter = ["kind", "is_verified", "is_published", CountryListFilter, "sectors", "size"]
    list_select_related = ["kind"]
    search_fields = ["name", "slug", "city", "description", "website"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "logo", "description"]}),
        (_("Activity"), {"fields": ["countries", "city", "sectors", "size", "founded_year", "website"]}),
        (_("Moderation"), {"fields": ["is_verified", "is_published", "created_by", "created_at", "updated_at"]}),
    ]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["sectors"]
    inlines = [MembershipInline]
    date_hierarchy = "created_at"
    actions = ["verify", "unverify", "publish", "unpublish", "export_csv"]

    def _done(self, request, count, message):
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Mark as verified"), permissions=["change"])
    def verify(self, request, queryset):
        count = services.set_verified(organisations=queryset, verified=True)
        self._done(
            request, count, ngettext("%(count)s organisation verified.", "%(count)s organisations verified.", count)
        )

    @admin.action(description=_("Remove the verified badge"), permissions=["change"])
    def unverify(self, request, queryset):
        count = services.set_verified(organisations=queryset, verified=False)
        self._done(
            request,
            count,
            ngettext(
                "%(count)s organisation no longer verified.", "%(count)s organisations no longer verified.", count
            ),
        )

    @admin.action(description=_("Publish"), permissions=["change"])
    def publish(self, request, queryset):
        count = services.set_published(organisations=queryset, published=True)
        self._done(
            request, count, ngettext("%(count)s organisation published.", "%(count)s organisations published.", count)
        )

    @admin.action(description=_("Unpublish"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = services.set_published(organisations=queryset, published=False)
        self._done(
            request,
            count,
            ngettext("%(count)s organisation unpublished.", "%(count)s organisations unpublished.", count),
        )

    @admin.action(description=_("Export the published ones as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        rows = queryset.listed().select_related("kind").prefetch_related("sectors").order_by("name")
        return csv_response(
            "organisations",
            [_("name"), _("kind"), _("countries of activity"), _("city"), _("sectors"), _("size"),
             _("founding year"), _("website"), _("verified"), _("page")],
            (
                [
                    organisation.name,
                    organisation.kind.name,
                    ", ".join(country_names(organisation.countries)),
                    organisation.city,
                    ", ".join(sector.name for sector in organisation.sectors.all()),
                    organisation.get_size_display(),
                    organisation.founded_year or "",
                    organisation.website,
                    _("yes") if organisation.is_verified else _("no"),
                    absolute_url(reverse("network:organisation_detail", args=[organisation.slug])),
                ]
                for organisation in rows
            ),
        )  # fmt: skip

    def save_model(self, request, obj, form, change):
        """Saved in save_related, with its sectors and members, by the service (which keeps the search in step)."""

    def save_related(self, request, form, formsets, change):
        services.save_organisation_form(form=form, formsets=formsets, created_by=request.user)
