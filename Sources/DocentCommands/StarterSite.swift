/// The files `docent init` writes: the smallest site that shows every part (config, a guide, a walkthrough guide,
/// a layout, an include).
enum StarterSite {
    static let files: [(String, String)] = [
        (
            "docent.yml",
            """
            title: My Docs
            description: Guides for my product.
            baseurl: ""
            heading_ids: github

            """
        ),
        (
            "content/index.md",
            """
            ---
            title: Welcome
            layout: default
            ---

            Start with the [first guide](getting-started.md), then [your first walkthrough](first-walkthrough.md).

            """
        ),
        (
            "content/getting-started.md",
            """
            ---
            title: Getting started
            description: Your first steps.
            layout: default
            breadcrumbs:
              - /
            ---

            ## Install

            1. Download the app.
            2. Click **Install**.

            {:.info}
            > {% include note.md %}

            """
        ),
        (
            "content/first-walkthrough.md",
            """
            ---
            title: Your first walkthrough
            description: Upgrade an account to Enterprise and create an organization, in the console beside the steps.
            layout: default
            breadcrumbs:
              - /
            walkthrough: enterprise-onboarding
            walkthrough_inputs:
              Activation code: ENT-100
              Name: Acme
            ---

            These steps run in the simulated Insomnia Enterprise console on this page: try them there.
            `docent check` runs them too, and says where a step and the product disagree.

            ## Upgrade your account

            1. Click **Upgrade**.
            2. Enter your activation code in the **Activation code** field.
            3. Click **Submit** to preview the plan.
            4. Click **Upgrade Subscription**.

            ## Create an organization

            1. Click **New Organization**.
            2. Enter a name for your organization.
            3. Click **Create Organization**.
            4. You should see the organization listed on your dashboard.

            """
        ),
        (
            "templates/includes/note.md",
            """
            Includes live in `templates/includes/`.

            """
        ),
        (
            "templates/layouts/default.html",
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ page.title | escape }} | {{ site.title | escape }}</title>
            <link rel="stylesheet" href="{{ '/assets/style.css' | relative_url }}">
            {{ page.walkthrough_head }}
            </head>
            <body>
            <nav aria-label="Breadcrumbs">{% for crumb in page.breadcrumb_links %}<a href="{{ crumb.url | relative_url }}">{{ crumb.title | escape }}</a> / {% endfor %}</nav>
            <main>
            <h1>{{ page.title | escape }}</h1>
            {{ content }}
            {{ page.walkthrough_html }}
            </main>
            </body>
            </html>

            """
        ),
        (
            "assets/style.css",
            """
            :root { color-scheme: light dark; }
            body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; }
            blockquote.info { border-left: 4px solid #2563eb; background: #eff6ff; margin: 1rem 0; padding: .5rem 1rem; }
            @media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } blockquote.info { background: #172554; } }

            """
        ),
    ]
}
