"""Forms of the sources app."""

from django import forms


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        # Each file is judged by the import service, which reports an empty or broken file
        # by name and still imports the others; the form only needs at least one file.
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            raise forms.ValidationError("Choose at least one file.", code="required")
        return files


class ImportArticlesForm(forms.Form):
    files = MultipleFileField(
        label="Article files",
        help_text="Choose one or more .txt or .html files. Each becomes a draft source.",
    )
