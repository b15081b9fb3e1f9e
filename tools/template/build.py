#!/usr/bin/env python3
"""Builds the default study template of grille (the Puy-de-Dôme diagnostic).

Writes, relative to the repository root:
  codebook/study.json, codebook/grid.json, codebook/codebook.json
  sessions/<uuid>.json   six fictional example sessions

Deterministic: every id is uuid5(NAMESPACE, "<kind>:<stable key>"), so running the script again
gives identical bytes. Stdlib only. Run from anywhere: python3 tools/template/build.py

Everything in the sessions is fictional: respondents, people, places and events were written for
the project. Only the general picture follows the published summary of the diagnostic.
"""

import json
import os
import re
import sys
import unicodedata
import uuid
from datetime import datetime, timedelta, timezone

NAMESPACE = uuid.UUID("6f1c2a4e-8b3d-5e7a-9c10-4d2b7e5a9f31")
FORMAT = "grille/1"
SUMMER = timezone(timedelta(hours=2))  # CEST, every date of the study is in summer time

# The Rust model keeps a number question's bounds as f64 (`ValueKind::Number { min, max }`), and
# serde_json writes an f64 with a fraction: `0.0`. Writing the bounds the same way keeps
# load-and-save byte-identical. Set to False if the Rust side learns to write whole bounds as
# integers (as it already does for answer values).
NUMBER_BOUNDS_AS_FLOAT = False

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def uid(kind, key):
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def nfc(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def when(text):
    """'2021-04-12 10:03' or '2021-04-12 10:03:20' -> aware datetime in summer time."""
    fmt = "%Y-%m-%d %H:%M:%S" if text.count(":") == 2 else "%Y-%m-%d %H:%M"
    return datetime.strptime(text, fmt).replace(tzinfo=SUMMER)


def rfc3339(dt):
    assert dt.microsecond == 0 and dt.utcoffset() is not None
    return dt.isoformat()


# ---------------------------------------------------------------------------------------------
# Value kinds (attributes and questions share them)
# ---------------------------------------------------------------------------------------------

def options(pairs):
    return [{"key": k, "label": nfc(l)} for k, l in pairs]


def kind_fields(kind, **kw):
    """The kind and its fields, in the order the Rust serializer writes them."""
    out = {"kind": kind}
    if kind in ("choice", "choices"):
        out["options"] = options(kw["options"])
    elif kind == "number":
        if kw.get("unit") is not None:
            out["unit"] = nfc(kw["unit"])
        for f in ("min", "max"):
            if kw.get(f) is not None:
                out[f] = float(kw[f]) if NUMBER_BOUNDS_AS_FLOAT else kw[f]
    elif kind == "scale":
        out["min"] = kw["min"]
        out["max"] = kw["max"]
        for f in ("min_label", "max_label"):
            if kw.get(f) is not None:
                out[f] = nfc(kw[f])
    else:
        assert kind in ("open", "yes_no"), kind
        assert not kw, kw
    return out


def attribute(key, label, kind, **kw):
    return {"key": key, "label": nfc(label), **kind_fields(kind, **kw)}


# ---------------------------------------------------------------------------------------------
# study.json
# ---------------------------------------------------------------------------------------------

LIEUX_OPTIONS = [
    ("appartement", "Appartement"),
    ("hotel", "Hôtel"),
    ("bar-club", "Bars, clubs, discothèques"),
    ("hebergement", "Structure d'hébergement"),
    ("rue", "Rue, route, bois"),
    ("internet", "Annonces Internet"),
    ("autre", "Autre"),
]

STUDY = {
    "format": FORMAT,
    "id": uid("study", "diagnostic"),
    "revision": 0,
    "title": nfc("Diagnostic partagé de la prostitution — Puy-de-Dôme"),
    "description": nfc(
        "Diagnostic départemental de la prostitution mené avec les professionnel·les, bénévoles "
        "et élu·es du territoire, dans le cadre de la loi du 13 avril 2016 : entretiens "
        "semi-directifs et questionnaire en ligne, pour la commission départementale (CDLP). "
        "La grille d'entretien et le livre de codes suivent le diagnostic ; les six entretiens "
        "fournis en exemple sont fictifs (personnes, lieux et faits inventés)."
    ),
    "respondent_attributes": [
        attribute("secteur", "Secteur", "choice", options=[
            ("sante", "Santé"),
            ("social", "Social"),
            ("police-gendarmerie", "Police / gendarmerie"),
            ("justice", "Justice"),
            ("education", "Éducation"),
            ("elu", "Élu·e"),
            ("associatif", "Associatif"),
            ("autre", "Autre"),
        ]),
        attribute("territoire", "Territoire", "choice", options=[
            ("clermont-metropole", "Clermont Auvergne Métropole"),
            ("riom", "Riom, Limagne"),
            ("thiers", "Thiers, Montagne thiernoise"),
            ("issoire", "Issoire, Val d'Allier"),
            ("ambert", "Ambert, Livradois-Forez"),
            ("rural-autre", "Autre territoire, rural"),
        ]),
        attribute("fonction", "Fonction", "open"),
        attribute("structure", "Structure", "open"),
    ],
    "situation_attributes": [
        attribute("genre", "Genre", "choice", options=[
            ("femme", "Femme"),
            ("homme", "Homme"),
            ("trans", "Personne trans"),
            ("inconnu", "Inconnu"),
        ]),
        attribute("age", "Âge", "choice", options=[
            ("mineur", "Mineur·e"),
            ("18-25", "18–25 ans"),
            ("26-40", "26–40 ans"),
            ("41-plus", "41 ans et plus"),
            ("inconnu", "Inconnu"),
        ]),
        attribute("nationalite", "Nationalité", "choice", options=[
            ("francaise", "Française"),
            ("etrangere", "Étrangère"),
            ("inconnue", "Inconnue"),
        ]),
        attribute("lieux", "Lieux", "choices", options=LIEUX_OPTIONS),
        attribute("proxenetisme", "Proxénétisme", "choice", options=[
            ("aucun", "Aucun repéré"),
            ("conjugal", "Conjugal"),
            ("hotelier", "Hôtelier"),
            ("reseau", "Réseau, traite"),
            ("inconnu", "Inconnu"),
        ]),
        attribute("contrepartie", "Contrepartie non financière", "choices", options=[
            ("logement", "Logement, hébergement"),
            ("biens", "Biens"),
            ("services", "Services"),
        ]),
        attribute("precarite", "Situation de précarité", "yes_no"),
    ],
}

# ---------------------------------------------------------------------------------------------
# grid.json
# ---------------------------------------------------------------------------------------------

# (theme key, title, description, [(question key, text, prompts, kind, kind fields)])
THEMES = [
    ("presentation", "Présentation et consentement",
     "Présenter le diagnostic, rappeler l'anonymat et recueillir le consentement avant toute note.", [
        ("consentement",
         "La personne accepte-t-elle que l'entretien soit noté, de façon anonyme, pour le diagnostic ?",
         ["Rappeler que ni son nom ni celui de sa structure n'apparaîtront.",
          "Préciser qu'elle peut ne pas répondre à une question, ou arrêter à tout moment."],
         "yes_no", {}),
        ("presentation", "Pouvez-vous vous présenter en quelques mots ?",
         ["Qu'est-ce qui vous a amené·e à accepter cet entretien ?"],
         "open", {}),
    ]),
    ("repondant", "Le répondant et sa structure", "", [
        ("fonction", "Quelle est votre fonction, et depuis combien de temps l'exercez-vous ?",
         ["Quelles sont vos missions au quotidien ?"],
         "open", {}),
        ("structure", "Pouvez-vous présenter votre structure et son territoire d'intervention ?",
         ["Combien de personnes y travaillent ?",
          "Intervenez-vous dans la métropole, dans une ville moyenne, en zone rurale ?"],
         "open", {}),
        ("public", "Quel public accueillez-vous ou accompagnez-vous ?",
         ["Quel âge, quelle situation ?", "Ce public a-t-il changé ces dernières années ?"],
         "open", {}),
    ]),
    ("identification", "Repérage des personnes",
     "Les personnes en situation ou en risque de prostitution que le répondant a rencontrées, "
     "sur 2018–2020.", [
        ("deja_identifie",
         "Avez-vous déjà identifié des personnes en situation ou en risque de prostitution ?",
         ["Dans quel cadre ?",
          "Comment l'avez-vous su : la personne l'a dit, un tiers, des signes ?"],
         "yes_no", {}),
        ("nb_personnes", "Combien de personnes, à peu près, sur trois ans (2018–2020) ?",
         ["Une estimation suffit : « au moins… »."],
         "number", {"unit": "personnes", "min": 0}),
        ("frequence", "À quelle fréquence êtes-vous confronté·e à ces situations ?",
         ["Et les années précédentes ?"],
         "choice", {"options": [
             ("jamais", "Jamais"),
             ("rarement", "Rarement (moins d'une fois par an)"),
             ("parfois", "Parfois (quelques fois par an)"),
             ("souvent", "Souvent (tous les mois ou plus)"),
         ]}),
        ("profils", "Pouvez-vous décrire ces personnes : genre, âge, nationalité, situation ?",
         ["Y avait-il des mineur·es ? des jeunes de 18 à 25 ans ?",
          "Des personnes françaises, étrangères ?"],
         "open", {}),
        ("vulnerabilites",
         "Quels éléments de leur parcours ou de leur situation vous ont semblé les rendre vulnérables ?",
         ["Logement, ressources, papiers ?", "Violences, placement, addictions, santé mentale ?"],
         "open", {}),
    ]),
    ("lieux", "Lieux et formes de prostitution", "", [
        ("lieux", "Dans quels lieux cela se passe-t-il, d'après ce que vous savez ?",
         ["Dans la métropole, dans les villes moyennes, en zone rurale ?"],
         "choices", {"options": [
             ("appartement", "Appartements"),
             ("hotel", "Hôtels"),
             ("bar-club", "Bars, clubs, discothèques"),
             ("hebergement", "Structures d'hébergement"),
             ("rue", "Rue, routes, bois"),
             ("internet", "Annonces Internet, réseaux sociaux"),
             ("autre", "Autre"),
         ]}),
        ("formes", "Comment cela se passe-t-il concrètement ?",
         ["Comment les rendez-vous sont-ils pris ?",
          "La prostitution est-elle visible ou discrète ?"],
         "open", {}),
        ("echange_non_financier",
         "Avez-vous connaissance d'actes sexuels échangés contre autre chose que de l'argent : "
         "un hébergement, des biens, des services ?",
         ["Qui propose l'échange ?", "La personne parle-t-elle de prostitution ?"],
         "open", {}),
    ]),
    ("proxenetisme", "Proxénétisme et traite", "", [
        ("proxenetisme_repere",
         "Avez-vous repéré des situations où un tiers organise la prostitution ou en tire profit ?",
         ["Un conjoint, un proche, un logeur, un hôtelier ?"],
         "yes_no", {}),
        ("proxenetisme_formes", "Pouvez-vous décrire ces situations ?",
         ["Quel lien entre la personne et le proxénète ?",
          "Comment la situation a-t-elle été révélée ?"],
         "open", {}),
        ("reseaux",
         "Avez-vous connaissance de réseaux, français ou étrangers, actifs sur le territoire ?",
         ["Passent-ils par Internet ?",
          "Les personnes sont-elles déplacées d'une ville à l'autre ?"],
         "open", {}),
    ]),
    ("clients", "Les « clients »", "", [
        ("clients", "Que savez-vous des « clients » de la prostitution sur votre territoire ?",
         ["Qui sont-ils ?", "Comment entrent-ils en contact avec les personnes ?"],
         "open", {}),
        ("clients_loi",
         "À votre connaissance, la loi de 2016 est-elle appliquée aux « clients » : "
         "verbalisations, stages de responsabilisation ?",
         ["Avez-vous connaissance de verbalisations sur le territoire ?"],
         "open", {}),
    ]),
    ("dispositifs", "Connaissance des acteurs et dispositifs", "", [
        ("connait_association",
         "Connaissez-vous l'association agréée pour porter les PSP (Cecler) ?",
         ["Avez-vous déjà travaillé avec elle ?"],
         "yes_no", {}),
        ("dispositifs",
         "Quels autres dispositifs et partenaires connaissez-vous : parcours de sortie (PSP), "
         "CDLP, police, gendarmerie, santé ?",
         ["Savez-vous comment orienter une personne vers le parcours de sortie ?"],
         "open", {}),
        ("orientation", "Quand vous repérez une situation, vers qui orientez-vous la personne ?",
         ["Comment cela s'est-il passé la dernière fois ?", "Qu'est-ce qui a bloqué ?"],
         "open", {}),
    ]),
    ("outils", "Outils et formation", "", [
        ("outille",
         "Vous sentez-vous suffisamment outillé·e pour repérer les personnes, aborder le sujet "
         "avec elles, les orienter et les accompagner ?",
         ["Qu'est-ce qui vous manque le plus ?"],
         "yes_no", {}),
        ("forme", "Avez-vous déjà suivi une formation sur la prostitution ?",
         ["Dans quel cadre, et quand ?"],
         "yes_no", {}),
        ("aisance",
         "De 1 à 5, à quel point êtes-vous à l'aise pour aborder le sujet de la prostitution "
         "avec une personne ?",
         ["Qu'est-ce qui vous mettrait plus à l'aise ?"],
         "scale", {"min": 1, "max": 5, "min_label": "Pas du tout à l'aise",
                   "max_label": "Tout à fait à l'aise"}),
        ("besoins", "De quoi auriez-vous besoin ?",
         ["Qu'est-ce qui serait prioritaire ?"],
         "choices", {"options": [
             ("information", "Information"),
             ("formation", "Formation"),
             ("outils", "Outils (fiches, protocoles)"),
             ("coordination", "Coordination entre partenaires"),
             ("autre", "Autre"),
         ]}),
        ("besoins_precisions", "Pouvez-vous préciser ces besoins ?",
         ["Pour vous, pour votre équipe, pour vos partenaires ?"],
         "open", {}),
    ]),
    ("pistes", "Pistes d'action", "", [
        ("pistes", "Selon vous, que faudrait-il mettre en place sur le territoire ?",
         ["En prévention, en aller-vers, en accueil, en accompagnement ?",
          "Pour la mise à l'abri des personnes ?",
          "Contre le proxénétisme et le recours à la prostitution ?"],
         "open", {}),
        ("conclusion",
         "Souhaitez-vous ajouter quelque chose, ou nous indiquer d'autres personnes à rencontrer ?",
         ["Y a-t-il un sujet que nous n'avons pas abordé ?"],
         "open", {}),
    ]),
]


def build_grid():
    themes = []
    for tkey, title, description, questions in THEMES:
        theme = {"id": uid("theme", tkey), "key": tkey, "title": nfc(title)}
        if description:
            theme["description"] = nfc(description)
        qs = []
        for qkey, text, prompts, kind, fields in questions:
            q = {"id": uid("question", qkey), "key": qkey, "text": nfc(text)}
            if prompts:
                q["prompts"] = [nfc(p) for p in prompts]
            q.update(kind_fields(kind, **fields))
            qs.append(q)
        theme["questions"] = qs
        themes.append(theme)
    return {"format": FORMAT, "revision": 0, "themes": themes}


GRID = build_grid()
QUESTIONS = {q["key"]: q for t in GRID["themes"] for q in t["questions"]}


def qid(key):
    assert key in QUESTIONS, f"unknown question key {key}"
    return QUESTIONS[key]["id"]


# ---------------------------------------------------------------------------------------------
# codebook.json
# ---------------------------------------------------------------------------------------------

# (path, name, colour, description, use_when, dont_use_when, example), parents before children.
CODES = [
    # -- Profil des personnes (bleus)
    ("profil", "Profil des personnes", "#1f5f9e",
     "Caractéristiques des personnes en situation ou en risque de prostitution décrites par les répondant·es.",
     "Le passage décrit qui sont les personnes sans qu'un code plus précis (genre, âge, nationalité, précarité, vulnérabilités) convienne.",
     "Le passage décrit les proxénètes ou les « clients » : utiliser « Proxénétisme » ou « Clients ».",
     "« Ce sont des jeunes femmes qui ne vont nulle part ailleurs. »"),
    ("profil/genre", "Genre", "#2e86c1",
     "Genre des personnes repérées : femmes, hommes, personnes trans.",
     "Le répondant dit s'il s'agit de femmes, d'hommes ou de personnes trans, ou en donne la proportion.",
     "Le genre ne se déduit que d'un accord grammatical, sans que le passage en parle.",
     "« Surtout des femmes, et une femme trans qui recevait chez elle. »"),
    ("profil/age", "Âge", "#5499c7",
     "Âge ou tranche d'âge des personnes repérées.",
     "Le passage donne un âge ou une période de vie sans que « Mineur·es » ou « 18–25 ans » convienne.",
     "L'âge est celui d'un « client » ou d'un proxénète.",
     "« Des femmes de trente, quarante ans, parfois plus. »"),
    ("profil/age/mineurs", "Mineur·es", "#1a5276",
     "Personnes de moins de 18 ans en situation ou en risque de prostitution.",
     "La personne a moins de 18 ans, ou elle est décrite comme collégienne, lycéenne mineure ou mineure placée.",
     "Il s'agit d'une jeune majeure, même très jeune : utiliser « 18–25 ans ».",
     "« Une élève de seconde, quinze ans, placée en foyer. »"),
    ("profil/age/jeunes-majeurs", "18–25 ans", "#7fb3d5",
     "Jeunes majeur·es de 18 à 25 ans, dont les étudiant·es.",
     "L'âge ou la situation (étudiante, jeune sortie de l'aide sociale à l'enfance) place la personne entre 18 et 25 ans.",
     "La personne a moins de 18 ans, ou son âge n'est pas connu.",
     "« Elle avait vingt ans, elle venait prendre sa douche chez nous. »"),
    ("profil/nationalite", "Nationalité", "#2874a6",
     "Nationalité ou origine des personnes repérées.",
     "Le passage parle de nationalité sans permettre de dire si les personnes sont françaises ou étrangères.",
     "L'origine est supposée d'après un prénom ou une apparence, sans que le répondant la connaisse.",
     "« Il y a toutes les nationalités, c'est très mélangé. »"),
    ("profil/nationalite/francaise", "Personnes françaises", "#3498db",
     "Personnes de nationalité française.",
     "Le répondant indique que les personnes sont françaises, ou originaires du département.",
     "La personne est étrangère mais vit en France depuis longtemps : utiliser « Personnes étrangères ».",
     "« Et puis des Françaises aussi, des étudiantes parfois. »"),
    ("profil/nationalite/etrangere", "Personnes étrangères", "#85c1e9",
     "Personnes de nationalité étrangère, quelle que soit leur situation administrative.",
     "Le répondant indique une nationalité ou une origine étrangère, ou un parcours migratoire.",
     "Seule la langue parlée est évoquée, sans indication de nationalité.",
     "« Des femmes d'Europe de l'Est, d'Amérique du Sud, qui tournent de ville en ville. »"),
    ("profil/precarite", "Précarité", "#21618c",
     "Conditions de vie précaires : logement, ressources, droits, papiers.",
     "Le passage évoque l'absence de logement stable, de ressources ou de papiers, ou un accès difficile aux droits.",
     "Il s'agit d'un élément de parcours (violences, placement, addiction) : utiliser « Vulnérabilités et parcours ».",
     "« Pas de papiers, pas de logement stable, des dettes. »"),
    ("profil/vulnerabilites", "Vulnérabilités et parcours", "#5dade2",
     "Facteurs de vulnérabilité du parcours de vie : violences subies, placement, isolement, addictions, santé mentale.",
     "Le répondant relie la situation à un élément du parcours de la personne.",
     "Seules les conditions matérielles sont en cause : utiliser « Précarité ».",
     "« Elle cumulait tout : le placement, les violences, la solitude. »"),
    # -- Lieux et formes (verts)
    ("lieux", "Lieux et formes", "#1e8449",
     "Lieux où se déroule la prostitution et manières dont elle s'organise.",
     "Le passage situe la prostitution ou décrit comment les rencontres se font, sans qu'un lieu précis convienne.",
     "Le lieu est celui où le professionnel a rencontré la personne (infirmerie, accueil de jour).",
     "« Ici c'est très discret, tout le monde se connaît. »"),
    ("lieux/appartement", "Appartement", "#27ae60",
     "Prostitution dans un appartement : domicile, location de courte durée, appartement prêté.",
     "Les rencontres ont lieu dans un logement, y compris une location saisonnière.",
     "Le logement est la contrepartie des actes : utiliser « Échange non financier › Logement ».",
     "« Elles restent une semaine dans un appartement loué, puis elles partent. »"),
    ("lieux/hotel", "Hôtel", "#196f3d",
     "Prostitution dans des chambres d'hôtel.",
     "Les rencontres ont lieu à l'hôtel, que la personne loue la chambre ou qu'un tiers la fournisse.",
     "Le passage porte sur le rôle de l'hôtelier : ajouter « Proxénétisme hôtelier ».",
     "« Elle faisait les rendez-vous dans un hôtel près de la gare. »"),
    ("lieux/bar-club", "Bars, clubs, discothèques", "#52be80",
     "Prostitution liée aux établissements de nuit et de loisirs.",
     "Le passage évoque un bar, un club, une discothèque ou des « hôtesses ».",
     "L'établissement n'est qu'un lieu de sortie sans lien avec la prostitution.",
     "« Un bar de nuit, avec des hôtesses qui ne restent jamais longtemps. »"),
    ("lieux/hebergement", "Structures d'hébergement", "#0e6655",
     "Prostitution de personnes hébergées en structure (CHRS, foyer, hébergement d'urgence) ou aux abords de ces structures.",
     "La situation concerne une personne hébergée en établissement, ou se déroule dans la structure.",
     "La personne est hébergée chez un particulier : utiliser « Échange non financier › Logement » ou « Appartement ».",
     "« Au CHRS, une résidente avait des rapports avec des hommes du quartier. »"),
    ("lieux/rue", "Rue, routes, bois", "#7dcea0",
     "Prostitution visible dans l'espace public : rues, bords de route, bois, parkings, camionnettes.",
     "Le passage décrit une prostitution visible, à pied ou en véhicule.",
     "La rue n'est que le lieu du premier contact : coder aussi le lieu où ont lieu les actes.",
     "« Il y a des camionnettes sur la départementale qui longe le bois. »"),
    ("lieux/internet", "Annonces Internet et réseaux sociaux", "#117864",
     "Prostitution organisée par des annonces en ligne, des sites, des applications ou des réseaux sociaux.",
     "Les contacts passent par Internet : sites d'annonces, réseaux sociaux, messageries, sites de « sugar dating ».",
     "Internet n'est évoqué que comme source d'information générale.",
     "« C'est en appartement ou à l'hôtel, avec des annonces sur Internet. »"),
    # -- Échange non financier (orangés)
    ("echange-non-financier", "Échange non financier", "#ca6f1e",
     "Actes sexuels obtenus en échange d'une contrepartie autre que l'argent : logement, biens, services.",
     "Le passage décrit un échange non financier sans en préciser la contrepartie, ou dit comment la personne le vit.",
     "La contrepartie est uniquement de l'argent.",
     "« Pour elle, ce n'était pas de la prostitution, c'était normal. »"),
    ("echange-non-financier/logement", "Logement", "#e67e22",
     "Actes sexuels en échange d'un hébergement ou d'un toit.",
     "La personne est hébergée, logée ou « dépannée » contre des actes sexuels, ou son loyer est payé en échange.",
     "L'hébergement est fourni par une structure, sans contrepartie sexuelle.",
     "« Il la logeait gratuitement, et en échange il fallait qu'elle couche avec lui. »"),
    ("echange-non-financier/biens", "Biens", "#af601a",
     "Actes sexuels en échange de biens : vêtements, téléphone, cigarettes, drogue, courses, cadeaux.",
     "La contrepartie est un objet ou un produit.",
     "La contrepartie est un service (transport, démarches) : utiliser « Services ».",
     "« Contre des cigarettes, un peu de shit. »"),
    ("echange-non-financier/services", "Services", "#f0b27a",
     "Actes sexuels en échange d'un service : transport, réparation, démarche, protection.",
     "La contrepartie est un service rendu à la personne.",
     "La contrepartie est un hébergement : utiliser « Logement ».",
     "« Pour qu'on l'emmène en voiture faire ses courses. »"),
    # -- Proxénétisme (rouges)
    ("proxenetisme", "Proxénétisme", "#b03a2e",
     "Situations où un tiers organise la prostitution d'autrui, la facilite ou en tire profit.",
     "Le passage évoque un tiers qui organise ou profite, sans qu'une forme précise convienne.",
     "La personne se prostitue seule, même sous contrainte économique, sans tiers identifié.",
     "« Elles ne gardent pas l'argent, ça c'est sûr. »"),
    ("proxenetisme/conjugal", "Proxénétisme conjugal", "#c0392b",
     "Proxénétisme exercé par un conjoint, un compagnon ou un « petit ami ».",
     "Le partenaire intime organise, impose ou exploite la prostitution de sa compagne ou de son compagnon.",
     "Le « petit ami » recrute pour un groupe organisé : utiliser aussi « Réseaux et traite ».",
     "« Son compagnon passait les annonces et gardait l'argent. »"),
    ("proxenetisme/hotelier", "Proxénétisme hôtelier", "#922b21",
     "Proxénétisme d'un hôtelier, d'un gérant ou d'un logeur qui tolère, facilite ou tire profit de la prostitution dans son établissement.",
     "L'hôtelier ferme les yeux, loue des chambres à l'heure, majore les prix ou prend une part.",
     "L'hôtel n'est qu'un lieu, sans rôle de l'hôtelier : utiliser « Lieux › Hôtel ».",
     "« Il louait des chambres à l'heure et prenait sa part. »"),
    ("proxenetisme/reseaux", "Réseaux et traite des êtres humains", "#e74c3c",
     "Réseaux organisés et traite des êtres humains à des fins d'exploitation sexuelle.",
     "Le passage décrit un groupe qui recrute, déplace, loge ou contrôle plusieurs personnes, en France ou depuis l'étranger.",
     "Le groupe est français et exploite des personnes françaises : utiliser « Réseaux franco-français ».",
     "« Quelqu'un loue les appartements, passe les annonces, les déplace d'une ville à l'autre. »"),
    ("proxenetisme/franco-francais", "Réseaux franco-français", "#cd6155",
     "Réseaux de proxénètes français exploitant des personnes françaises, souvent jeunes.",
     "Le passage décrit un groupe français qui recrute des jeunes femmes du territoire et organise leur prostitution.",
     "Un seul conjoint est en cause : utiliser « Proxénétisme conjugal ».",
     "« Trois hommes qui recrutaient des jeunes femmes de Clermont sur les réseaux sociaux. »"),
    # -- « Clients » (violets)
    ("clients", "« Clients » de la prostitution", "#7d3c98",
     "Les personnes qui achètent ou obtiennent des actes sexuels.",
     "Le passage parle des « clients » sans qu'un code plus précis convienne.",
     "Le passage parle d'un proxénète : utiliser « Proxénétisme ».",
     "« Les clients, on ne les voit jamais. »"),
    ("clients/portrait", "Qui sont les « clients »", "#9b59b6",
     "Profil et comportements des « clients » : âge, milieu, exigences, violences.",
     "Le répondant décrit qui sont les « clients » ou ce qu'ils exigent.",
     "Il ne s'agit que de leurs annonces en ligne : utiliser « Demande sur Internet ».",
     "« C'est monsieur Tout-le-Monde : des artisans, des retraités, des pères de famille. »"),
    ("clients/demande-internet", "Demande sur Internet", "#6c3483",
     "Annonces et sollicitations de « clients » sur Internet.",
     "Le passage évoque des annonces de demande, des messages de sollicitation, des sites où les « clients » cherchent des personnes.",
     "Les annonces sont publiées par les personnes ou leurs proxénètes : utiliser « Lieux › Annonces Internet ».",
     "« Des annonces d'hommes qui cherchent des étudiantes, explicitement. »"),
    ("clients/penalisation", "Pénalisation et responsabilisation", "#af7ac5",
     "Application aux « clients » de la loi du 13 avril 2016 : verbalisation, stages de responsabilisation.",
     "Le passage parle de sanctions, de contrôles ou de stages visant les « clients ».",
     "Les poursuites visent des proxénètes : utiliser « Proxénétisme ».",
     "« On peut les verbaliser, mais ça reste rare. »"),
    # -- Acteurs et dispositifs (cyans)
    ("dispositifs", "Acteurs et dispositifs", "#0b7285",
     "Acteurs, dispositifs et partenariats mobilisés autour des personnes en situation de prostitution.",
     "Le passage parle d'un acteur ou d'un dispositif sans qu'un code plus précis convienne.",
     "Le passage exprime un manque ou une demande : utiliser « Besoins des partenaires ».",
     "« On a fait le lien avec l'assistante sociale de secteur. »"),
    ("dispositifs/psp", "Parcours de sortie (PSP)", "#1098ad",
     "Le parcours de sortie de la prostitution et d'insertion sociale et professionnelle prévu par la loi de 2016.",
     "Le passage évoque le PSP, l'autorisation provisoire de séjour ou l'aide financière qui l'accompagne.",
     "Le répondant parle de l'association sans parler du parcours : utiliser « Association agréée ».",
     "« Elle est entrée dans le parcours de sortie et a eu son autorisation de séjour. »"),
    ("dispositifs/association-agreee", "Association agréée (Cecler)", "#15aabf",
     "L'association agréée pour porter les PSP dans le département : connaissance, orientation, collaboration.",
     "Le répondant dit connaître ou non l'association, l'avoir appelée ou lui avoir orienté une personne.",
     "Il s'agit d'une autre association : utiliser « Acteurs et dispositifs ».",
     "« On a déjà orienté deux femmes vers eux. »"),
    ("dispositifs/cdlp", "Commission départementale (CDLP)", "#0c8599",
     "La commission départementale de lutte contre la prostitution, le proxénétisme et la traite des êtres humains.",
     "Le passage évoque la commission, ses travaux ou sa composition.",
     "Le passage parle d'une réunion de partenaires sans lien avec la commission.",
     "« La CDLP, je sais que ça existe, mais je ne sais pas ce qui s'y décide. »"),
    ("dispositifs/police-gendarmerie", "Police et gendarmerie", "#3bc9db",
     "Action des forces de l'ordre : plaintes, auditions, contrôles, enquêtes.",
     "Le passage décrit une plainte, une audition, une enquête ou un contrôle.",
     "Il s'agit de sanctions visant les « clients » : utiliser « Pénalisation et responsabilisation ».",
     "« Elle a porté plainte pour les coups, mais pour le reste elle n'a rien dit. »"),
    ("dispositifs/sante", "Acteurs de santé", "#0a5f6e",
     "Repérage et prise en charge par les acteurs de santé : centres de santé sexuelle, hôpital, médecine de ville, santé mentale.",
     "Le passage décrit une consultation, un dépistage ou un soin au cours duquel la situation apparaît.",
     "Le soin est évoqué comme un besoin non couvert : utiliser « Pistes d'action ».",
     "« C'est souvent au moment du dépistage que ça sort. »"),
    ("dispositifs/education", "Éducation et protection de l'enfance", "#4fb3bf",
     "Établissements scolaires, aide sociale à l'enfance, information préoccupante et signalement.",
     "Le passage évoque l'école, l'ASE, une information préoccupante ou un signalement concernant un·e mineur·e.",
     "La personne est majeure et sans lien avec ces institutions.",
     "« J'ai fait une information préoccupante avec l'assistante sociale. »"),
    # -- Besoins des partenaires (ors)
    ("besoins", "Besoins des partenaires", "#b7950b",
     "Ce que les professionnel·les, bénévoles et élu·es disent leur manquer pour agir.",
     "Le répondant exprime un manque, une difficulté ou une demande sans qu'un code plus précis convienne.",
     "Le répondant propose une action pour le territoire : utiliser « Pistes d'action ».",
     "« On se sent seuls face à ces situations. »"),
    ("besoins/information", "Information", "#d4ac0d",
     "Besoin d'information sur la loi, les dispositifs et les acteurs.",
     "Le répondant dit ne pas connaître la loi, le PSP, l'association ou les bons interlocuteurs.",
     "Il demande une formation approfondie : utiliser « Formation ».",
     "« C'est quoi la loi, c'est quoi le parcours de sortie, qui fait quoi ? »"),
    ("besoins/formation", "Formation", "#9a7d0a",
     "Besoin de formation pour repérer, aborder le sujet, orienter et accompagner ; absence de formation.",
     "Le répondant dit ne pas avoir été formé, ou demande une formation pour lui ou son équipe.",
     "Il ne demande qu'un document ou un contact : utiliser « Information » ou « Outils ».",
     "« On n'a jamais eu de formation, ni à l'institut ni après. »"),
    ("besoins/outils", "Outils", "#f1c40f",
     "Besoin d'outils concrets : fiches réflexes, protocoles, questionnaires de repérage, plaquettes.",
     "Le répondant demande un support utilisable au quotidien.",
     "Il s'agit de mieux connaître les partenaires : utiliser « Coordination ».",
     "« Une fiche avec les bons contacts et les questions à poser. »"),
    ("besoins/coordination", "Coordination", "#7d6608",
     "Besoin de se connaître et de travailler ensemble entre partenaires.",
     "Le répondant demande un référent, des rencontres, un réseau, ou regrette de travailler seul.",
     "Il s'agit d'une orientation réussie vers un partenaire : utiliser « Acteurs et dispositifs ».",
     "« On travaille chacun dans notre coin. »"),
    # -- Pistes d'action (bruns)
    ("pistes", "Pistes d'action", "#6e4b3a",
     "Propositions des répondant·es pour mieux prévenir, repérer, accompagner et lutter contre le système prostitutionnel.",
     "Le répondant propose une action sans qu'un code plus précis convienne.",
     "Le répondant décrit un manque sans proposer d'action : utiliser « Besoins des partenaires ».",
     "« Il faudrait que tout le monde se mette autour de la table. »"),
    ("pistes/prevention", "Prévention", "#8d6e63",
     "Actions de prévention auprès des jeunes et du grand public.",
     "Le répondant propose des interventions en classe, à l'université, auprès des familles ou du grand public.",
     "L'action vise des personnes déjà en situation de prostitution : utiliser « Aller-vers » ou « Accompagnement ».",
     "« De la prévention en classe, dès le collège, sur l'argent facile. »"),
    ("pistes/aller-vers", "Aller-vers", "#a1887f",
     "Aller au-devant des personnes, dans la rue ou sur Internet.",
     "Le répondant propose des maraudes, des permanences mobiles ou une présence sur les sites d'annonces.",
     "Il s'agit d'accueillir les personnes dans une structure : utiliser « Accueil ».",
     "« Faire de l'aller-vers sur Internet, puisque c'est là que ça se passe. »"),
    ("pistes/accueil", "Accueil", "#5d4037",
     "Accueillir et repérer : accueil de jour, consultations sans rendez-vous, questions systématiques au premier accueil.",
     "Le répondant propose d'adapter l'accueil, les horaires ou les questionnaires de premier accueil.",
     "Il s'agit d'un suivi dans la durée : utiliser « Accompagnement ».",
     "« Des consultations sans rendez-vous, le soir. »"),
    ("pistes/accompagnement", "Accompagnement", "#795548",
     "Accompagnement social, sanitaire et psychologique des personnes, dans le PSP ou en dehors.",
     "Le répondant propose de renforcer le suivi des personnes, les moyens des associations, le soin en santé mentale.",
     "Il s'agit de mettre la personne en sécurité en urgence : utiliser « Mise à l'abri ».",
     "« Il faudrait quelqu'un qui les suive dans la durée, pas juste un rendez-vous. »"),
    ("pistes/mise-a-l-abri", "Mise à l'abri", "#4e342e",
     "Hébergement sécurisé des personnes qui veulent sortir de la prostitution ou fuir un proxénète.",
     "Le répondant parle de places d'hébergement fléchées, sécurisées ou d'urgence.",
     "L'hébergement est la contrepartie des actes : utiliser « Échange non financier › Logement ».",
     "« On n'a rien à leur proposer le soir même. »"),
    ("pistes/lutte-proxenetisme", "Lutte contre le proxénétisme et le recours à la prostitution", "#bcaaa4",
     "Actions contre les proxénètes et contre l'achat d'actes sexuels.",
     "Le répondant propose de sensibiliser les hôteliers et loueurs, de renforcer les enquêtes, de sanctionner les « clients ».",
     "Il s'agit de prévention auprès des jeunes : utiliser « Prévention ».",
     "« Sensibiliser les hôteliers, qu'ils sachent à qui signaler. »"),
]


def build_codebook():
    nodes = {}
    roots = []
    for path, name, colour, desc, use, dont, example in CODES:
        node = {
            "id": uid("code", path),
            "slug": path.rsplit("/", 1)[-1],
            "name": nfc(name),
            "colour": colour,
            "description": nfc(desc),
            "use_when": nfc(use),
            "dont_use_when": nfc(dont),
            "example": nfc(example),
            "children": [],
        }
        nodes[path] = node
        if "/" in path:
            nodes[path.rsplit("/", 1)[0]]["children"].append(node)
        else:
            roots.append(node)

    def prune(node):
        for child in node["children"]:
            prune(child)
        if not node["children"]:
            del node["children"]

    for node in roots:
        prune(node)
    return {"format": FORMAT, "revision": 0, "codes": roots}


CODEBOOK = build_codebook()
CODE_PATHS = {path for path, *_ in CODES}


def cid(path):
    assert path in CODE_PATHS, f"unknown code path {path}"
    return uid("code", path)


# ---------------------------------------------------------------------------------------------
# Sessions
# ---------------------------------------------------------------------------------------------
# Each session: metadata, segments [(question key or None, "I"/"R", text)], keyed s01, s02… in
# order; codings {coder: [(segment key, phrase, code path[, memo])]}; situations
# [(label, attributes, [(segment key, phrase)])]. A phrase "*" is the whole segment; otherwise it
# must occur exactly once in the segment text, and its offsets are computed from there.

CAMILLE = "Camille Roux"
SAMI = "Sami Benali"
LEA = "Léa Martin"

SESSIONS = []

# ---- R01 : santé, Clermont, avril --------------------------------------------------------------
SESSIONS.append({
    "key": "r01",
    "pseudonym": "R01",
    "interviewer": CAMILLE,
    "attributes": {
        "secteur": "sante",
        "territoire": "clermont-metropole",
        "fonction": "Sage-femme",
        "structure": "Centre de santé sexuelle",
    },
    "start": "2021-04-12 10:02",
    "location": "Centre de santé sexuelle, salle de réunion",
    "status": "done",
    "segments": [
        ("consentement", "I",
         "Rappel du cadre : diagnostic mené pour la Préfecture et la Ville, une heure environ, "
         "rien ne permettra de vous identifier, ni vous ni les personnes dont vous parlerez. "
         "Vous êtes d'accord pour que je prenne des notes ?"),
        ("consentement", "R", "Oui, pas de souci, allez-y."),
        ("fonction", "R",
         "Alors je suis sage-femme depuis onze ans, et depuis quatre ans je travaille au centre "
         "de santé sexuelle. On fait du dépistage, de la contraception, des IVG médicamenteuses, "
         "et beaucoup d'écoute, en fait. On est une petite équipe : deux médecins, une "
         "infirmière, une conseillère conjugale et moi."),
        ("public", "R",
         "Le public, c'est très large. Beaucoup d'étudiantes, des jeunes femmes, des femmes "
         "migrantes qui nous sont adressées par les associations, quelques hommes aussi pour le "
         "dépistage. Des personnes qui ne vont nulle part ailleurs, qui n'ont pas de médecin "
         "traitant."),
        ("deja_identifie", "I",
         "Est-ce qu'il vous est déjà arrivé d'identifier des personnes en situation de "
         "prostitution, ou en risque de l'être ?"),
        ("deja_identifie", "R",
         "Oui. Oui, clairement. Pas toujours avec le mot, parce que les femmes ne le disent pas "
         "comme ça. Elles disent « je vois des messieurs », ou « je fais des rendez-vous ». C'est "
         "souvent au moment du dépistage que ça sort, quand on demande combien de partenaires, et "
         "là il y a un silence."),
        ("nb_personnes", "I", "Et sur 2018 à 2020, combien de personnes, à peu près ?"),
        ("nb_personnes", "R",
         "Je dirais une douzaine, au moins. Douze dont je suis sûre, et puis d'autres où j'ai eu "
         "un doute mais où je n'ai pas pu aller plus loin."),
        ("profils", "R",
         "Surtout des femmes, jeunes pour la plupart, entre vingt et trente ans. Une majorité "
         "d'étrangères : des femmes chinoises, deux ou trois femmes venues du Nigeria, une jeune "
         "femme d'Europe de l'Est. Et puis des Françaises aussi, des étudiantes parfois. On a eu "
         "aussi une femme trans, qui passait par des annonces et qui recevait chez elle."),
        ("vulnerabilites", "R",
         "Ce qui revient, c'est la précarité : pas de papiers ou des papiers en cours, pas de "
         "logement stable, des dettes. Beaucoup ont des parcours de violences, des violences "
         "sexuelles dans l'enfance pour certaines. Et l'isolement, la langue. Une des femmes "
         "chinoises ne parlait pas du tout français, c'était sa « cousine » qui traduisait, et la "
         "cousine répondait à sa place."),
        ("lieux", "I", "Et où est-ce que ça se passe, d'après ce que vous savez ?"),
        ("formes", "R",
         "Quasiment jamais dans la rue. C'est en appartement ou à l'hôtel, avec des annonces sur "
         "Internet. Les femmes chinoises, par exemple, restent une semaine ou deux dans un "
         "appartement loué à Clermont, et après elles partent à Lyon ou à Dijon. Une jeune femme "
         "m'a expliqué qu'elle faisait les rendez-vous dans un hôtel près de la gare, que c'est "
         "elle qui payait la chambre et qu'il fallait « rentabiliser » la nuit."),
        ("reseaux", "R",
         "Le proxénétisme, c'est difficile à dire. Pour les femmes chinoises, j'ai vraiment "
         "l'impression qu'il y a une organisation derrière : quelqu'un qui loue les appartements, "
         "qui passe les annonces, qui les déplace d'une ville à l'autre. Elles ne gardent pas "
         "l'argent, ça c'est sûr. On en a parlé avec la police, je crois qu'il y a eu une enquête "
         "sur un réseau chinois qui passait par Internet."),
        ("clients", "R",
         "Les « clients », on ne les voit jamais, évidemment. Mais on voit les conséquences : des "
         "femmes qui viennent parce que le préservatif a craqué, ou parce qu'un client a refusé "
         "d'en mettre un et leur a proposé plus d'argent. Ça, c'est très fréquent."),
        ("connait_association", "I",
         "Est-ce que vous connaissez l'association agréée pour le parcours de sortie, Cecler ?"),
        ("dispositifs", "R",
         "Oui, on a déjà orienté deux femmes vers eux. Une est entrée dans le parcours de sortie, "
         "le PSP, elle a eu son autorisation provisoire de séjour et l'aide financière. L'autre "
         "n'a pas voulu, elle avait peur pour sa famille restée au pays. La CDLP, je sais que ça "
         "existe, mais je ne sais pas vraiment ce qui s'y décide."),
        ("outille", "R",
         "Outillée, non. Franchement non. Je n'ai jamais eu de formation sur la prostitution, ni "
         "à l'école de sages-femmes ni après. Je fais au feeling. Je sais poser la question des "
         "violences, mais la prostitution, j'ai toujours peur d'être intrusive, ou de me tromper."),
        ("besoins_precisions", "R",
         "Ce qu'il nous faudrait, c'est une formation pour toute l'équipe, et un outil simple, une "
         "fiche avec les bons contacts et les questions à poser. Et se connaître entre "
         "professionnel.les : savoir qui appeler à la police, à l'association, sans passer par "
         "trois standards."),
        ("pistes", "R",
         "Il faudrait intégrer la question de la prostitution dans le questionnaire qu'on utilise "
         "pour les violences, le WAST. Et des consultations sans rendez-vous, le soir, parce que "
         "ces femmes ne viennent pas à neuf heures du matin. Et de l'aller-vers sur Internet, "
         "puisque c'est là que ça se passe."),
    ],
    "answers": {
        "consentement": True,
        "deja_identifie": True,
        "nb_personnes": 12,
        "frequence": "parfois",
        "lieux": ["appartement", "hotel", "internet"],
        "proxenetisme_repere": True,
        "connait_association": True,
        "outille": False,
        "forme": False,
        "aisance": 2,
        "besoins": ["formation", "outils", "coordination"],
    },
    "coding_at": {CAMILLE: "2021-09-13 14:05"},
    "codings": {
        CAMILLE: [
            ("s06", "C'est souvent au moment du dépistage que ça sort", "dispositifs/sante"),
            ("s09", "Surtout des femmes, jeunes pour la plupart, entre vingt et trente ans.",
             "profil/genre"),
            ("s09", "jeunes pour la plupart, entre vingt et trente ans", "profil/age/jeunes-majeurs"),
            ("s09", "Une majorité d'étrangères : des femmes chinoises, deux ou trois femmes venues "
                    "du Nigeria, une jeune femme d'Europe de l'Est.", "profil/nationalite/etrangere"),
            ("s09", "Et puis des Françaises aussi, des étudiantes parfois.",
             "profil/nationalite/francaise"),
            ("s10", "Ce qui revient, c'est la précarité : pas de papiers ou des papiers en cours, "
                    "pas de logement stable, des dettes.", "profil/precarite"),
            ("s10", "Beaucoup ont des parcours de violences, des violences sexuelles dans l'enfance "
                    "pour certaines.", "profil/vulnerabilites"),
            ("s12", "C'est en appartement ou à l'hôtel, avec des annonces sur Internet.",
             "lieux/internet"),
            ("s12", "en appartement", "lieux/appartement"),
            ("s12", "elle faisait les rendez-vous dans un hôtel près de la gare", "lieux/hotel"),
            ("s13", "il y a une organisation derrière : quelqu'un qui loue les appartements, qui "
                    "passe les annonces, qui les déplace d'une ville à l'autre.",
             "proxenetisme/reseaux",
             "Réseau chinois probable : à rapprocher de l'entretien gendarmerie (R03)."),
            ("s14", "un client a refusé d'en mettre un et leur a proposé plus d'argent",
             "clients/portrait"),
            ("s16", "Une est entrée dans le parcours de sortie, le PSP", "dispositifs/psp"),
            ("s17", "Je n'ai jamais eu de formation sur la prostitution", "besoins/formation"),
            ("s19", "Et de l'aller-vers sur Internet, puisque c'est là que ça se passe.",
             "pistes/aller-vers"),
        ],
    },
    "situations": [
        ("Femmes chinoises déplacées d'appartement en appartement",
         {"genre": "femme", "age": "inconnu", "nationalite": "etrangere",
          "lieux": ["appartement", "internet"], "proxenetisme": "reseau", "precarite": True},
         [("s12", "Les femmes chinoises, par exemple, restent une semaine ou deux dans un "
                  "appartement loué à Clermont, et après elles partent à Lyon ou à Dijon."),
          ("s13", "Pour les femmes chinoises, j'ai vraiment l'impression qu'il y a une "
                  "organisation derrière")]),
        ("Jeune femme recevant dans un hôtel près de la gare",
         {"genre": "femme", "age": "18-25", "nationalite": "inconnue",
          "lieux": ["hotel", "internet"], "proxenetisme": "inconnu"},
         [("s12", "Une jeune femme m'a expliqué qu'elle faisait les rendez-vous dans un hôtel "
                  "près de la gare, que c'est elle qui payait la chambre et qu'il fallait "
                  "« rentabiliser » la nuit.")]),
        ("Femme trans recevant à domicile via des annonces",
         {"genre": "trans", "age": "inconnu", "nationalite": "inconnue",
          "lieux": ["appartement", "internet"], "proxenetisme": "aucun"},
         [("s09", "On a eu aussi une femme trans, qui passait par des annonces et qui recevait "
                  "chez elle.")]),
    ],
    "memos": [],
})

# ---- R02 : social, Issoire, mai (double codage) -------------------------------------------------
SESSIONS.append({
    "key": "r02",
    "pseudonym": "R02",
    "interviewer": SAMI,
    "attributes": {
        "secteur": "social",
        "territoire": "issoire",
        "fonction": "Éducatrice spécialisée",
        "structure": "Accueil de jour et CHRS",
    },
    "start": "2021-05-06 14:03",
    "location": "Accueil de jour, bureau de l'équipe",
    "status": "done",
    "segments": [
        ("consentement", "I",
         "Avant de commencer : tout est anonyme, je note sous un pseudonyme, et vous pouvez ne "
         "pas répondre à une question. Ça vous va ?"),
        ("consentement", "R",
         "Oui, ça me va. Je préfère d'ailleurs qu'on ne cite pas la structure, on est tout petits "
         "ici, on nous reconnaîtrait tout de suite."),
        ("structure", "R",
         "Je suis éducatrice spécialisée, à mi-temps à l'accueil de jour et à mi-temps au CHRS, "
         "qui a une quinzaine de places, dont six pour des femmes seules ou avec enfants. À "
         "l'accueil de jour, on voit passer à peu près quarante personnes par jour l'hiver, un peu "
         "moins l'été."),
        ("public", "R",
         "C'est un public très précaire : des gens à la rue, des personnes qui sortent de prison "
         "ou de l'hôpital psy, des jeunes en rupture familiale. Et de plus en plus de femmes, des "
         "jeunes femmes surtout, qui ne se disent pas « à la rue » parce qu'elles sont hébergées à "
         "droite à gauche."),
        ("deja_identifie", "I",
         "Justement, parmi ces femmes, est-ce que vous avez déjà repéré des situations de "
         "prostitution ?"),
        ("nb_personnes", "R",
         "Oui. Sept, je dirais, sur les trois ans, en comptant seulement celles dont je suis "
         "vraiment sûre. Mais ce n'est jamais dit comme ça."),
        ("echange_non_financier", "I", "Vous pouvez m'en dire plus ?"),
        ("echange_non_financier", "R",
         "Il y a une jeune femme, elle avait vingt ans, elle venait prendre sa douche chez nous "
         "tous les matins. Elle était hébergée par un homme, bien plus âgé, qui la logeait "
         "gratuitement. Et au bout de plusieurs semaines, elle a fini par dire qu'en échange, il "
         "fallait qu'elle couche avec lui. Et avec ses copains, certains soirs."),
        ("echange_non_financier", "R",
         "Pour elle, ce n'était pas de la prostitution, c'était « normal », c'était le prix du "
         "toit. Quand on est à la rue à vingt ans, avec une demande d'hébergement qui traîne "
         "depuis des mois, on accepte. Elle ne voulait surtout pas qu'on appelle la police."),
        ("echange_non_financier", "R",
         "Au CHRS aussi, on a eu une résidente, une femme d'une trentaine d'années, qui avait des "
         "rapports avec des hommes du quartier contre des cigarettes, un peu de shit, ou pour "
         "qu'on l'emmène en voiture faire ses courses. Les autres résidentes le savaient, ça "
         "créait des tensions. Nous aussi, on a mis du temps à comprendre que c'était de la "
         "prostitution."),
        ("proxenetisme_repere", "I",
         "Et des situations où quelqu'un organisait cette activité, ou en profitait ?"),
        ("proxenetisme_formes", "R",
         "Oui, une situation de proxénétisme conjugal, très claire. Une femme qu'on accompagnait "
         "pour des violences. Son compagnon passait des annonces sur Internet avec ses photos, il "
         "prenait les rendez-vous, et elle recevait les hommes dans un hôtel à la sortie de la "
         "ville. L'argent, c'est lui qui le gardait. Elle disait « je fais ça pour nous, pour qu'on "
         "s'en sorte »."),
        ("proxenetisme_formes", "R",
         "Quand elle a voulu arrêter, il l'a frappée. C'est comme ça que c'est sorti, en fait : par "
         "les violences conjugales, pas par la prostitution. Elle a porté plainte pour les coups, "
         "mais pour le reste elle n'a rien voulu dire."),
        ("formes", "R",
         "Sinon, ici, ce qu'on voit, c'est l'hôtel et l'appartement, jamais la rue. Issoire, ce "
         "n'est pas Clermont, tout le monde se connaît, alors ça se passe de façon très discrète."),
        ("clients", "R",
         "Les « clients », ce sont des hommes d'ici, des hommes ordinaires. La jeune femme "
         "hébergée me disait que les copains de son hébergeur étaient mariés, qu'ils avaient des "
         "enfants."),
        ("connait_association", "I",
         "Vous connaissez l'association Cecler, qui porte le parcours de sortie ?"),
        ("connait_association", "R",
         "Oui, de nom, et j'ai appelé une fois pour la femme dont je vous parlais, celle du "
         "proxénétisme conjugal. Ils ont été très disponibles. Mais ils sont à Clermont, elle "
         "n'avait ni voiture ni permis, et le bus, c'est deux fois par jour. Donc ça n'a pas "
         "abouti."),
        ("outille", "R",
         "Outillée, pas du tout. Je n'ai jamais eu de formation là-dessus, et dans l'équipe "
         "personne. On a des formations sur les violences faites aux femmes, mais la prostitution "
         "n'y est jamais abordée. Je ne savais même pas que ce que vivait la jeune femme hébergée, "
         "ça entrait dans la loi."),
        ("besoins_precisions", "R",
         "Il nous faudrait de l'information de base : c'est quoi la loi, c'est quoi le parcours de "
         "sortie, qui fait quoi. Et quelqu'un à appeler quand on a un doute, un référent."),
        ("pistes", "R",
         "Une permanence de l'association à Issoire, même une demi-journée par mois, ça changerait "
         "tout. Et des places de mise à l'abri, vraiment sécurisées, pour les femmes qui veulent "
         "partir. Parce que là, on n'a rien à leur proposer le soir même."),
    ],
    "answers": {
        "consentement": True,
        "deja_identifie": True,
        "nb_personnes": 7,
        "frequence": "parfois",
        "lieux": ["appartement", "hotel", "hebergement", "internet"],
        "proxenetisme_repere": True,
        "connait_association": True,
        "outille": False,
        "forme": False,
        "aisance": 2,
        "besoins": ["information", "coordination"],
    },
    "coding_at": {SAMI: "2021-09-15 09:40", LEA: "2021-09-21 16:10"},
    "codings": {
        SAMI: [
            ("s04", "des jeunes femmes surtout, qui ne se disent pas « à la rue » parce qu'elles "
                    "sont hébergées à droite à gauche", "profil/precarite"),
            ("s08", "elle avait vingt ans", "profil/age/jeunes-majeurs"),
            ("s08", "Elle était hébergée par un homme, bien plus âgé, qui la logeait gratuitement. "
                    "Et au bout de plusieurs semaines, elle a fini par dire qu'en échange, il "
                    "fallait qu'elle couche avec lui.", "echange-non-financier/logement"),
            ("s10", "Au CHRS aussi, on a eu une résidente", "lieux/hebergement"),
            ("s10", "contre des cigarettes, un peu de shit", "echange-non-financier/biens"),
            ("s10", "pour qu'on l'emmène en voiture faire ses courses",
             "echange-non-financier/services"),
            ("s12", "Son compagnon passait des annonces sur Internet avec ses photos, il prenait "
                    "les rendez-vous, et elle recevait les hommes dans un hôtel à la sortie de la "
                    "ville.", "proxenetisme/conjugal"),
            ("s12", "elle recevait les hommes dans un hôtel", "lieux/hotel"),
            ("s13", "C'est comme ça que c'est sorti, en fait : par les violences conjugales, pas "
                    "par la prostitution.", "profil/vulnerabilites"),
            ("s15", "ce sont des hommes d'ici, des hommes ordinaires", "clients/portrait"),
            ("s17", "Oui, de nom, et j'ai appelé une fois", "dispositifs/association-agreee"),
            ("s18", "Je n'ai jamais eu de formation là-dessus, et dans l'équipe personne.",
             "besoins/formation"),
            ("s19", "Il nous faudrait de l'information de base", "besoins/information"),
            ("s20", "Une permanence de l'association à Issoire", "pistes/accueil"),
            ("s20", "des places de mise à l'abri, vraiment sécurisées", "pistes/mise-a-l-abri"),
        ],
        # Second, independent coder: mostly agrees; differs on s10 (services coded as biens),
        # s13 (conjugal, on another sentence, rather than vulnérabilités) and s20
        # (accompagnement rather than accueil); her logement span in s08 is shorter.
        LEA: [
            ("s04", "des jeunes femmes surtout, qui ne se disent pas « à la rue » parce qu'elles "
                    "sont hébergées à droite à gauche", "profil/precarite"),
            ("s08", "elle avait vingt ans", "profil/age/jeunes-majeurs"),
            ("s08", "elle a fini par dire qu'en échange, il fallait qu'elle couche avec lui",
             "echange-non-financier/logement"),
            ("s10", "contre des cigarettes, un peu de shit", "echange-non-financier/biens"),
            ("s10", "pour qu'on l'emmène en voiture faire ses courses", "echange-non-financier/biens"),
            ("s10", "Au CHRS aussi, on a eu une résidente", "lieux/hebergement"),
            ("s12", "Son compagnon passait des annonces sur Internet avec ses photos, il prenait "
                    "les rendez-vous, et elle recevait les hommes dans un hôtel à la sortie de la "
                    "ville.", "proxenetisme/conjugal"),
            ("s12", "elle recevait les hommes dans un hôtel", "lieux/hotel"),
            ("s13", "Quand elle a voulu arrêter, il l'a frappée.", "proxenetisme/conjugal"),
            ("s15", "ce sont des hommes d'ici, des hommes ordinaires", "clients/portrait"),
            ("s17", "Oui, de nom, et j'ai appelé une fois", "dispositifs/association-agreee"),
            ("s18", "Je n'ai jamais eu de formation là-dessus, et dans l'équipe personne.",
             "besoins/formation"),
            ("s19", "Il nous faudrait de l'information de base", "besoins/information"),
            ("s20", "Une permanence de l'association à Issoire", "pistes/accompagnement"),
            ("s20", "des places de mise à l'abri, vraiment sécurisées", "pistes/mise-a-l-abri"),
        ],
    },
    "situations": [
        ("Jeune femme hébergée contre des actes sexuels",
         {"genre": "femme", "age": "18-25", "nationalite": "inconnue", "lieux": ["appartement"],
          "proxenetisme": "aucun", "contrepartie": ["logement"], "precarite": True},
         [("s08", "*"), ("s09", "c'était le prix du toit")]),
        ("Femme prostituée par son compagnon, annonces et hôtel",
         {"genre": "femme", "age": "inconnu", "nationalite": "inconnue",
          "lieux": ["hotel", "internet"], "proxenetisme": "conjugal"},
         [("s12", "Son compagnon passait des annonces sur Internet avec ses photos, il prenait "
                  "les rendez-vous, et elle recevait les hommes dans un hôtel à la sortie de la "
                  "ville. L'argent, c'est lui qui le gardait."),
          ("s13", "Quand elle a voulu arrêter, il l'a frappée.")]),
        ("Résidente du CHRS, actes contre des cigarettes et des trajets",
         {"genre": "femme", "age": "26-40", "nationalite": "inconnue", "lieux": ["hebergement"],
          "proxenetisme": "aucun", "contrepartie": ["biens", "services"], "precarite": True},
         [("s10", "Au CHRS aussi, on a eu une résidente, une femme d'une trentaine d'années, qui "
                  "avait des rapports avec des hommes du quartier contre des cigarettes, un peu de "
                  "shit, ou pour qu'on l'emmène en voiture faire ses courses.")]),
    ],
    "pauses": {"s13": 600},
    "memos": [
        (None, "after:s13",
         "Entretien interrompu une dizaine de minutes (appel urgent pour une résidente) après "
         "les questions sur le proxénétisme ; reprise sur les « clients »."),
    ],
})

# ---- R03 : gendarmerie, Riom, mai ---------------------------------------------------------------
SESSIONS.append({
    "key": "r03",
    "pseudonym": "R03",
    "interviewer": CAMILLE,
    "attributes": {
        "secteur": "police-gendarmerie",
        "territoire": "riom",
        "fonction": "Gendarme, référent violences intrafamiliales",
        "structure": "Compagnie de gendarmerie",
    },
    "start": "2021-05-27 09:31",
    "location": "Brigade de gendarmerie, salle de réunion",
    "status": "done",
    "segments": [
        ("consentement", "I",
         "Comme convenu, je ne note ni votre nom ni celui de votre unité. Si certaines choses "
         "relèvent d'enquêtes en cours, dites-le-moi et je ne les noterai pas."),
        ("consentement", "R",
         "D'accord. Je vous parlerai des affaires jugées, pour le reste je resterai général."),
        ("fonction", "R",
         "Je suis gendarme depuis dix-sept ans, et depuis trois ans je suis référent violences "
         "intrafamiliales pour la compagnie. Je reçois les victimes, je fais le lien avec les "
         "associations, le parquet, les travailleurs sociaux."),
        ("deja_identifie", "I",
         "Est-ce que vous avez déjà identifié des personnes en situation de prostitution ?"),
        ("nb_personnes", "R",
         "Oui, bien sûr. Sur 2018-2020, pour le secteur, je dirais vingt-cinq personnes, en "
         "comptant large. Mais la plupart, on ne les voit pas : c'est sur Internet, ça se passe en "
         "appartement, personne ne se plaint."),
        ("profils", "R",
         "Il y a deux publics très différents. D'un côté, des femmes étrangères, d'Europe de l'Est, "
         "d'Amérique du Sud, qui tournent de ville en ville. De l'autre, des jeunes Françaises, "
         "dix-huit, vingt ans, parfois moins, souvent en rupture, passées par l'aide sociale à "
         "l'enfance."),
        ("lieux", "I", "Et sur le terrain, où est-ce que ça se passe ?"),
        ("formes", "R",
         "La partie visible, c'est la départementale qui longe le bois, entre deux villages. Il y "
         "a trois ou quatre camionnettes, des femmes étrangères, elles sont là en journée. Les gens "
         "du coin le savent très bien. On passe, on contrôle, mais tant qu'il n'y a pas de trouble, "
         "il n'y a pas grand-chose à faire."),
        ("formes", "R",
         "Le reste, c'est l'hôtel et l'appartement. Il y a eu une affaire de proxénétisme hôtelier, "
         "jugée cette année : un gérant d'hôtel, près d'une sortie d'autoroute, qui louait des "
         "chambres à l'heure à des jeunes femmes et prenait sa part. Il fermait les yeux, et il "
         "faisait payer le double. Deux personnes ont été condamnées."),
        ("proxenetisme_repere", "I", "Et le proxénétisme, en dehors de cette affaire ?"),
        ("proxenetisme_formes", "R",
         "Ce que je vois le plus, moi, c'est le proxénétisme conjugal. Des femmes qui viennent "
         "porter plainte pour violences, et en creusant, on s'aperçoit que le conjoint les met sur "
         "des sites d'annonces. Il se présente comme son copain, il est amoureux, soi-disant, et il "
         "l'oblige à faire des passes pour payer le loyer, la voiture, sa drogue à lui."),
        ("proxenetisme_formes", "R",
         "Le problème, c'est que la question n'est jamais posée. Dans la trame d'audition pour les "
         "violences conjugales, il n'y a rien sur la prostitution. Si la victime n'en parle pas "
         "d'elle-même, on passe à côté. Moi, maintenant, je la pose systématiquement."),
        ("reseaux", "R",
         "Pour les réseaux, on a eu une affaire avec un réseau franco-français : trois hommes qui "
         "recrutaient des jeunes femmes de Clermont sur les réseaux sociaux, qui les installaient "
         "dans des hôtels de la région et qui géraient les annonces. Condamnés pour proxénétisme "
         "aggravé. Et il y a les réseaux chinois, qui passent par Internet et font tourner les "
         "femmes dans des appartements loués pour quelques jours."),
        ("clients", "R",
         "Les « clients », c'est monsieur Tout-le-Monde. Sur la départementale, on a contrôlé des "
         "artisans, des retraités, des pères de famille."),
        ("clients_loi", "R",
         "Depuis la loi de 2016, on peut les verbaliser, mais honnêtement ça reste rare. Et les "
         "stages de responsabilisation, je n'en ai jamais vu ici."),
        ("connait_association", "I", "Vous connaissez l'association agréée, Cecler ?"),
        ("dispositifs", "R",
         "Non, le nom ne me dit rien. La CDLP, oui, c'est le commandant qui y va. Le parcours de "
         "sortie, j'en ai entendu parler en formation violences, mais je ne saurais pas vous dire "
         "comment on oriente quelqu'un."),
        ("outille", "R",
         "Outillé, moyennement. Sur les violences, oui, on a été formés. Sur la prostitution, je "
         "n'ai jamais eu de formation spécifique. Je me débrouille avec mon expérience, mais les "
         "jeunes collègues ne savent pas quoi faire quand une victime leur en parle."),
        ("besoins_precisions", "R",
         "Une fiche réflexe, avec les questions à poser et le numéro de l'association. Et des "
         "rencontres avec les travailleurs sociaux, pour se connaître. On travaille chacun dans "
         "notre coin."),
        ("pistes", "R",
         "Il faudrait sensibiliser les hôteliers et les loueurs de type Airbnb, qu'ils sachent "
         "repérer et à qui signaler. Et renforcer la lutte contre le proxénétisme sur Internet, "
         "parce que c'est là que tout se passe maintenant."),
    ],
    "answers": {
        "consentement": True,
        "deja_identifie": True,
        "nb_personnes": 25,
        "frequence": "souvent",
        "lieux": ["appartement", "hotel", "rue", "internet"],
        "proxenetisme_repere": True,
        "connait_association": False,
        "outille": False,
        "forme": False,
        "aisance": 4,
        "besoins": ["outils", "coordination"],
    },
    "coding_at": {CAMILLE: "2021-09-14 10:20"},
    "codings": {
        CAMILLE: [
            ("s06", "des femmes étrangères, d'Europe de l'Est, d'Amérique du Sud, qui tournent de "
                    "ville en ville", "profil/nationalite/etrangere"),
            ("s06", "des jeunes Françaises, dix-huit, vingt ans, parfois moins",
             "profil/nationalite/francaise"),
            ("s06", "passées par l'aide sociale à l'enfance", "profil/vulnerabilites"),
            ("s08", "La partie visible, c'est la départementale qui longe le bois, entre deux "
                    "villages. Il y a trois ou quatre camionnettes, des femmes étrangères, elles "
                    "sont là en journée.", "lieux/rue"),
            ("s09", "un gérant d'hôtel, près d'une sortie d'autoroute, qui louait des chambres à "
                    "l'heure à des jeunes femmes et prenait sa part. Il fermait les yeux, et il "
                    "faisait payer le double.", "proxenetisme/hotelier"),
            ("s09", "un gérant d'hôtel", "lieux/hotel"),
            ("s11", "*", "proxenetisme/conjugal"),
            ("s11", "le conjoint les met sur des sites d'annonces", "lieux/internet"),
            ("s12", "Dans la trame d'audition pour les violences conjugales, il n'y a rien sur la "
                    "prostitution.", "dispositifs/police-gendarmerie"),
            ("s13", "on a eu une affaire avec un réseau franco-français : trois hommes qui "
                    "recrutaient des jeunes femmes de Clermont sur les réseaux sociaux",
             "proxenetisme/franco-francais"),
            ("s13", "Et il y a les réseaux chinois, qui passent par Internet et font tourner les "
                    "femmes dans des appartements loués pour quelques jours.",
             "proxenetisme/reseaux"),
            ("s14", "c'est monsieur Tout-le-Monde", "clients/portrait"),
            ("s15", "Depuis la loi de 2016, on peut les verbaliser, mais honnêtement ça reste rare.",
             "clients/penalisation"),
            ("s19", "Une fiche réflexe, avec les questions à poser et le numéro de l'association.",
             "besoins/outils"),
            ("s20", "Il faudrait sensibiliser les hôteliers et les loueurs de type Airbnb",
             "pistes/lutte-proxenetisme"),
        ],
    },
    "situations": [
        ("Femmes étrangères en camionnette au bord d'une départementale",
         {"genre": "femme", "age": "inconnu", "nationalite": "etrangere", "lieux": ["rue"],
          "proxenetisme": "inconnu"},
         [("s08", "La partie visible, c'est la départementale qui longe le bois, entre deux "
                  "villages. Il y a trois ou quatre camionnettes, des femmes étrangères, elles "
                  "sont là en journée.")]),
        ("Jeunes femmes dans un hôtel dont le gérant prenait sa part",
         {"genre": "femme", "age": "18-25", "nationalite": "inconnue", "lieux": ["hotel"],
          "proxenetisme": "hotelier"},
         [("s09", "un gérant d'hôtel, près d'une sortie d'autoroute, qui louait des chambres à "
                  "l'heure à des jeunes femmes et prenait sa part.")]),
        ("Femmes victimes de violences mises sur des sites d'annonces par leur conjoint",
         {"genre": "femme", "age": "inconnu", "nationalite": "inconnue",
          "lieux": ["appartement", "internet"], "proxenetisme": "conjugal"},
         [("s11", "*")]),
        ("Jeunes Clermontoises exploitées par un réseau franco-français",
         {"genre": "femme", "age": "18-25", "nationalite": "francaise",
          "lieux": ["hotel", "internet"], "proxenetisme": "reseau"},
         [("s13", "trois hommes qui recrutaient des jeunes femmes de Clermont sur les réseaux "
                  "sociaux, qui les installaient dans des hôtels de la région et qui géraient les "
                  "annonces.")]),
    ],
    "memos": [],
})

# ---- R04 : Éducation nationale, Thiers, juin ----------------------------------------------------
SESSIONS.append({
    "key": "r04",
    "pseudonym": "R04",
    "interviewer": SAMI,
    "attributes": {
        "secteur": "education",
        "territoire": "thiers",
        "fonction": "Infirmière scolaire",
        "structure": "Lycée professionnel",
    },
    "start": "2021-06-15 13:32",
    "location": "Lycée, infirmerie",
    "status": "done",
    "segments": [
        ("consentement", "I",
         "Tout ce que vous direz restera anonyme, les élèves dont vous parlerez aussi. Je peux "
         "prendre des notes ?"),
        ("consentement", "R", "Oui. De toute façon, je ne donnerai pas de prénoms."),
        ("fonction", "R",
         "Je suis infirmière scolaire dans un lycée professionnel. On a à peu près six cents "
         "élèves, beaucoup d'internes. Je suis seule à temps plein, avec une assistante sociale qui "
         "vient deux jours par semaine."),
        ("public", "R",
         "Des jeunes de quinze à vingt ans, beaucoup de garçons dans les filières industrielles, "
         "des filles surtout en service à la personne et en commerce. Pas mal de familles en "
         "difficulté, des jeunes placés à l'ASE, en foyer ou en famille d'accueil."),
        ("deja_identifie", "I",
         "Est-ce que vous avez déjà été confrontée à des situations de prostitution, ou de risque, "
         "chez des élèves ?"),
        ("deja_identifie", "R",
         "Oui, trois situations en trois ans, dont une dont je suis certaine. Avant, je n'y aurais "
         "jamais pensé : pour moi, la prostitution, c'était la rue, des femmes adultes. Pas des "
         "mineur.es, pas chez nous."),
        ("profils", "R",
         "C'était une élève de seconde, quinze ans, placée en foyer. Elle venait souvent à "
         "l'infirmerie pour des maux de ventre, elle était très fatiguée. Elle avait des vêtements "
         "neufs, un téléphone dernier cri, des sorties le week-end. Un jour, elle m'a montré des "
         "messages sur Snapchat : des hommes qui lui proposaient de l'argent ou des cadeaux en "
         "échange de photos, et puis de rendez-vous."),
        ("formes", "R",
         "Elle m'a expliqué qu'un garçon plus âgé, qu'elle appelait son copain, l'emmenait à "
         "Clermont le samedi, dans un appartement ou un hôtel, et qu'elle « voyait des gens ». Elle "
         "ne voyait pas le problème : pour elle, c'était son choix, elle était libre, il lui "
         "offrait des choses."),
        ("orientation", "I", "Qu'est-ce que vous avez fait à ce moment-là ?"),
        ("orientation", "R",
         "J'ai fait une information préoccupante avec l'assistante sociale, et le foyer a été "
         "prévenu. Je crois qu'il y a eu un signalement au parquet, mais je n'ai jamais su la "
         "suite. Elle a quitté le lycée en fin d'année, je ne sais pas ce qu'elle est devenue. Ça, "
         "c'est dur."),
        ("vulnerabilites", "R",
         "Ce qui m'a frappée, c'est qu'elle cumulait tout : le placement, des violences dans la "
         "famille, une grande solitude, et ce besoin d'être aimée. Le garçon avait repéré ça tout "
         "de suite."),
        ("formes", "R",
         "Les deux autres situations, ce sont des rumeurs entre élèves : des filles qui se feraient "
         "payer pour des photos, ou qui iraient à des soirées en discothèque à Clermont, avec des "
         "hommes plus âgés qui paient tout. Je n'ai rien pu vérifier."),
        ("connait_association", "I",
         "Vous connaissez l'association Cecler, ou le parcours de sortie ?"),
        ("connait_association", "R",
         "Non, pas du tout. Je découvre avec vous. Le parcours de sortie, c'est pour les majeures, "
         "j'imagine ? Et pour les mineures, on oriente vers qui, alors ?"),
        ("outille", "R",
         "Je me sens complètement démunie. On n'a jamais eu de formation, ni à l'institut, ni à "
         "l'Éducation nationale. On parle beaucoup de harcèlement, de cyberharcèlement, mais la "
         "prostitution des mineur.es, c'est tabou. Même entre collègues, on n'ose pas employer le "
         "mot."),
        ("besoins_precisions", "R",
         "Il faudrait former tous les professionnel·les des établissements : les CPE, les "
         "assistants d'éducation, les profs principaux, pas seulement l'infirmière. Et avoir un "
         "protocole clair : qui on prévient, dans quel ordre."),
        ("pistes", "R",
         "De la prévention en classe, dès le collège, sur les réseaux sociaux, l'argent facile, le "
         "consentement. Pas un cours magistral : des interventions avec des associations, où les "
         "jeunes peuvent parler."),
    ],
    "answers": {
        "consentement": True,
        "deja_identifie": True,
        "nb_personnes": 3,
        "frequence": "rarement",
        "lieux": ["appartement", "hotel", "bar-club", "internet"],
        "connait_association": False,
        "outille": False,
        "forme": False,
        "aisance": 1,
        "besoins": ["information", "formation", "outils"],
    },
    "coding_at": {SAMI: "2021-09-16 11:00"},
    "codings": {
        SAMI: [
            ("s07", "une élève de seconde, quinze ans, placée en foyer", "profil/age/mineurs"),
            ("s07", "des messages sur Snapchat : des hommes qui lui proposaient de l'argent ou des "
                    "cadeaux en échange de photos, et puis de rendez-vous", "lieux/internet"),
            ("s07", "de l'argent ou des cadeaux en échange de photos",
             "echange-non-financier/biens"),
            ("s08", "un garçon plus âgé, qu'elle appelait son copain, l'emmenait à Clermont le "
                    "samedi", "proxenetisme",
             "Schéma du « loverboy » : à rapprocher du proxénétisme conjugal ?"),
            ("s08", "dans un appartement ou un hôtel", "lieux/hotel"),
            ("s10", "J'ai fait une information préoccupante avec l'assistante sociale",
             "dispositifs/education"),
            ("s11", "elle cumulait tout : le placement, des violences dans la famille, une grande "
                    "solitude, et ce besoin d'être aimée", "profil/vulnerabilites"),
            ("s12", "des soirées en discothèque à Clermont, avec des hommes plus âgés qui paient "
                    "tout", "lieux/bar-club"),
            ("s14", "Non, pas du tout. Je découvre avec vous.", "dispositifs/association-agreee"),
            ("s15", "On n'a jamais eu de formation, ni à l'institut, ni à l'Éducation nationale.",
             "besoins/formation"),
            ("s16", "Il faudrait former tous les professionnel·les des établissements",
             "besoins/formation"),
            ("s16", "Et avoir un protocole clair : qui on prévient, dans quel ordre.",
             "besoins/outils"),
            ("s17", "*", "pistes/prevention"),
        ],
    },
    "situations": [
        ("Lycéenne mineure placée, cadeaux et rendez-vous via Snapchat",
         {"genre": "femme", "age": "mineur", "nationalite": "inconnue",
          "lieux": ["appartement", "hotel", "internet"], "proxenetisme": "inconnu",
          "contrepartie": ["biens"]},
         [("s07", "*"), ("s08", "*")]),
    ],
    "memos": [],
})

# ---- R05 : élu, Ambert, juillet, interrompu -----------------------------------------------------
SESSIONS.append({
    "key": "r05",
    "pseudonym": "R05",
    "interviewer": CAMILLE,
    "attributes": {
        "secteur": "elu",
        "territoire": "ambert",
        "fonction": "Adjoint au maire chargé des solidarités",
        "structure": "Commune rurale",
    },
    "start": "2021-07-06 18:21",
    "location": "Mairie, bureau des adjoints",
    "status": "in_progress",
    "current_question": "proxenetisme_repere",
    "marks": {
        "structure": None,  # covered
        "vulnerabilites": "Sans objet : aucune personne identifiée directement.",
    },
    "segments": [
        ("consentement", "I",
         "Je vous rappelle que l'entretien est anonyme : ni votre nom ni celui de la commune "
         "n'apparaîtront. Vous êtes d'accord ?"),
        ("consentement", "R",
         "Oui, ça me va. Mais je vous préviens, j'ai un conseil municipal à dix-neuf heures, on "
         "n'aura peut-être pas le temps de tout voir."),
        ("fonction", "R",
         "Je suis adjoint aux solidarités depuis 2020, c'est mon premier mandat. À côté, je suis "
         "retraité, j'étais conducteur de travaux. Je m'occupe du CCAS, de l'aide aux personnes "
         "âgées, du logement d'urgence : on a deux appartements pour ça."),
        ("public", "R",
         "On est une commune de trois mille habitants, très rurale autour. Beaucoup de personnes "
         "âgées isolées, et des jeunes qui partent dès qu'ils peuvent. Les gens précaires, on les "
         "connaît, ils viennent au CCAS."),
        ("deja_identifie", "I",
         "Est-ce que vous avez déjà identifié, vous, des personnes en situation de prostitution "
         "sur la commune ou autour ?"),
        ("deja_identifie", "R",
         "Identifié, non, pas directement. Personne n'est jamais venu me voir pour ça. Mais il ne "
         "faut pas être naïf, on sait ce qu'on sait. Entre élu.es, on en parle, à voix basse."),
        ("formes", "R",
         "Il y a les camionnettes, au bord de la route, près du bois, sur la départementale qui "
         "monte vers le col. Ça fait des années. Les gens râlent, ils appellent la mairie, ils "
         "disent que c'est une honte devant les enfants. Mais ces femmes-là, personne ne va leur "
         "parler."),
        ("formes", "R",
         "Et puis il y a un bar, à la sortie du bourg, un bar de nuit, avec des « hôtesses ». Des "
         "jeunes femmes étrangères, qui ne restent jamais longtemps. Le patron dit que c'est un "
         "bar d'ambiance. Moi, je n'y suis jamais entré."),
        ("formes", "I", "Et l'hôtel dont vous m'avez parlé au téléphone ?"),
        ("formes", "R",
         "Oui, un petit hôtel, vers la gare. Le gérant a changé l'an dernier, et depuis il y a des "
         "allées et venues le soir, des voitures qui se garent derrière. Je ne peux rien affirmer. "
         "Mais les voisins, eux, en sont certains."),
        ("echange_non_financier", "R",
         "Ce qui m'inquiète le plus, en fait, c'est ce qu'on ne voit pas. Une jeune femme qu'on a "
         "logée dans l'appartement d'urgence l'hiver dernier : avant, elle habitait chez un "
         "monsieur du village qui la « dépannait ». Tout le monde savait ce que ça voulait dire, "
         "et personne n'a rien dit."),
        (None, "I", "On reprend la semaine prochaine pour la suite ?"),
        (None, "R", "Oui, appelez le secrétariat. Excusez-moi, il faut vraiment que j'y aille."),
    ],
    "answers": {
        "consentement": True,
        "deja_identifie": False,
        "frequence": "rarement",
        "lieux": ["hotel", "bar-club", "rue"],
    },
    "coding_at": {CAMILLE: "2021-07-08 09:15"},
    "codings": {
        CAMILLE: [
            ("s06", "Entre élu.es, on en parle, à voix basse.", "besoins"),
            ("s07", "Il y a les camionnettes, au bord de la route, près du bois", "lieux/rue"),
            ("s07", "Mais ces femmes-là, personne ne va leur parler.", "pistes/aller-vers"),
            ("s08", "un bar de nuit, avec des « hôtesses »", "lieux/bar-club"),
            ("s08", "Des jeunes femmes étrangères, qui ne restent jamais longtemps.",
             "profil/nationalite/etrangere"),
            ("s10", "un petit hôtel, vers la gare", "lieux/hotel"),
            ("s10", "Le gérant a changé l'an dernier, et depuis il y a des allées et venues le "
                    "soir", "proxenetisme/hotelier"),
            ("s11", "elle habitait chez un monsieur du village qui la « dépannait »",
             "echange-non-financier/logement"),
        ],
    },
    "situations": [
        ("Camionnettes sur la départementale, près du bois",
         {"genre": "femme", "age": "inconnu", "nationalite": "inconnue", "lieux": ["rue"],
          "proxenetisme": "inconnu"},
         [("s07", "Il y a les camionnettes, au bord de la route, près du bois, sur la "
                  "départementale qui monte vers le col.")]),
        ("Jeune femme « dépannée » par un homme du village",
         {"genre": "femme", "age": "18-25", "nationalite": "inconnue", "lieux": ["autre"],
          "proxenetisme": "aucun", "contrepartie": ["logement"], "precarite": True},
         [("s11", "Une jeune femme qu'on a logée dans l'appartement d'urgence l'hiver dernier : "
                  "avant, elle habitait chez un monsieur du village qui la « dépannait ».")]),
    ],
    "memos": [
        (None, "after:s13",
         "Entretien interrompu : le répondant devait rejoindre le conseil municipal de 19 h. "
         "Reprendre au proxénétisme, puis « clients », dispositifs, outils et pistes."),
    ],
})

# ---- R06 : associatif, Clermont, juillet, transcription importée --------------------------------
SESSIONS.append({
    "key": "r06",
    "pseudonym": "R06",
    "interviewer": SAMI,
    "attributes": {
        "secteur": "associatif",
        "territoire": "clermont-metropole",
        "fonction": "Bénévole, coordinatrice de l'épicerie solidaire",
        "structure": "Association d'entraide étudiante",
    },
    "start": "2021-07-09 10:04",
    "location": "Local de l'association",
    "status": "done",
    "source": "entretien-06.txt",
    "labels": {"I": "Sami B.", "R": "Bénévole"},
    "segments": [
        ("consentement", "I",
         "Je rappelle que l’entretien est anonyme et qu’il sera retranscrit sans aucun nom. On a "
         "déjà rencontré une quinzaine de personnes interrogé·es : des professionnel·les, des "
         "élu.es, des bénévoles comme vous."),
        ("consentement", "R", "Très bien, pas de problème."),
        ("fonction", "R",
         "Je suis bénévole dans une association d’entraide étudiante depuis six ans, je coordonne "
         "l’épicerie solidaire. On distribue des colis deux fois par semaine, on fait aussi de "
         "l’aide aux démarches. On est une vingtaine de bénévoles, presque tous étudiants ou "
         "jeunes retraités."),
        ("public", "R",
         "Des étudiant·es en grande précarité : beaucoup d’étudiants étrangers, qui n’ont pas "
         "droit aux bourses, et des étudiant·es en rupture avec leur famille. Depuis le Covid, la "
         "file d’attente a triplé."),
        ("deja_identifie", "I",
         "Est-ce que vous avez déjà identifié des personnes en situation de prostitution parmi "
         "les étudiant·es que vous accompagnez ?"),
        ("deja_identifie", "R",
         "Identifié, franchement, non. Personne ne nous l’a dit directement. Mais on a des "
         "doutes, et on entend des choses, surtout depuis les confinements."),
        ("echange_non_financier", "R",
         "Une étudiante m’a parlé d’une amie à elle, en deuxième année, qui s’est inscrite sur un "
         "site de « sugar daddy ». Un homme de cinquante ans lui paie son loyer et ses courses, et "
         "en échange elle le voit deux fois par semaine. Elle présente ça comme une relation, "
         "presque comme un job étudiant."),
        ("profils", "R",
         "Et un garçon, un étudiant étranger, qui a disparu de l’épicerie pendant deux mois et "
         "qui est revenu avec beaucoup d’argent. Il a fini par dire qu’il passait des annonces "
         "sur Internet et qu’il recevait des hommes dans un appartement prêté par un ami. Il "
         "avait honte, il nous a fait promettre de ne rien dire."),
        ("clients", "I", "Et du côté des « clients », qu’est-ce que vous en savez ?"),
        ("clients", "R",
         "Ce qui m’a choquée, c’est qu’il y a des annonces d’hommes qui cherchent des étudiantes, "
         "explicitement, « pour arrondir les fins de mois ». Ils savent très bien que les "
         "étudiantes sont précaires, et ils en profitent."),
        ("formes", "R",
         "On entend aussi parler de soirées en discothèque, où des hommes plus âgés invitent des "
         "étudiantes, paient les consommations, et après on attend d’elles quelque chose. Là, je "
         "n’ai rien de précis."),
        ("connait_association", "I",
         "Connaissez-vous l’association Cecler, et le parcours de sortie de la prostitution ?"),
        ("connait_association", "R",
         "Oui, Cecler, je connais, ils étaient venus présenter leur action à un forum des "
         "associations. Le parcours de sortie, je sais vaguement ce que c’est. Mais je ne me "
         "voyais pas orienter cet étudiant vers eux : il ne se considère pas du tout comme une "
         "personne prostituée."),
        ("outille", "R",
         "Outillée ? Non. On est des bénévoles, on n’a aucune formation là-dessus. Quand il nous "
         "a parlé, on ne savait pas quoi dire, on avait peur de le juger, de le faire fuir."),
        ("aisance", "R",
         "Sur une échelle de un à cinq ? Je dirais deux. Je peux écouter, mais je ne sais pas quoi "
         "proposer derrière."),
        ("besoins_precisions", "R",
         "De l’information claire, des plaquettes qu’on pourrait laisser à l’épicerie, et une "
         "formation courte pour les bénévoles. Et savoir à qui passer le relais."),
        ("pistes", "R",
         "Il faudrait en parler à l’université dès la rentrée, dans les journées d’accueil. Et "
         "des actions d’aller-vers sur Internet, sur les sites où les étudiantes sont contactées. "
         "Et surtout sortir les étudiant·es de la précarité, parce que c’est là que tout "
         "commence."),
    ],
    "answers": {
        "consentement": True,
        "deja_identifie": False,
        "nb_personnes": 0,
        "frequence": "rarement",
        "lieux": ["appartement", "bar-club", "internet"],
        "proxenetisme_repere": False,
        "connait_association": True,
        "outille": False,
        "forme": False,
        "aisance": 2,
        "besoins": ["information", "formation", "coordination"],
    },
    "coding_at": {SAMI: "2021-09-17 15:30"},
    "codings": {
        SAMI: [
            ("s04", "Des étudiant·es en grande précarité", "profil/precarite"),
            ("s07", "qui s’est inscrite sur un site de « sugar daddy »", "lieux/internet"),
            ("s07", "Un homme de cinquante ans lui paie son loyer et ses courses, et en échange "
                    "elle le voit deux fois par semaine.", "echange-non-financier/logement"),
            ("s07", "lui paie son loyer et ses courses", "echange-non-financier/biens"),
            ("s08", "un étudiant étranger", "profil/nationalite/etrangere"),
            ("s08", "il passait des annonces sur Internet et qu’il recevait des hommes dans un "
                    "appartement prêté par un ami", "lieux/appartement"),
            ("s10", "il y a des annonces d’hommes qui cherchent des étudiantes, explicitement, "
                    "« pour arrondir les fins de mois »", "clients/demande-internet"),
            ("s11", "soirées en discothèque", "lieux/bar-club"),
            ("s13", "Oui, Cecler, je connais", "dispositifs/association-agreee"),
            ("s14", "on n’a aucune formation là-dessus", "besoins/formation"),
            ("s16", "De l’information claire, des plaquettes qu’on pourrait laisser à l’épicerie",
             "besoins/information"),
            ("s17", "Il faudrait en parler à l’université dès la rentrée, dans les journées "
                    "d’accueil.", "pistes/prevention"),
            ("s17", "des actions d’aller-vers sur Internet", "pistes/aller-vers"),
        ],
    },
    "situations": [
        ("Étudiante dont un homme paie le loyer et les courses",
         {"genre": "femme", "age": "18-25", "nationalite": "inconnue", "lieux": ["internet"],
          "proxenetisme": "aucun", "contrepartie": ["logement", "biens"], "precarite": True},
         [("s07", "*")]),
        ("Étudiant étranger recevant des hommes via des annonces",
         {"genre": "homme", "age": "18-25", "nationalite": "etrangere",
          "lieux": ["appartement", "internet"], "proxenetisme": "aucun", "precarite": True},
         [("s08", "Il a fini par dire qu’il passait des annonces sur Internet et qu’il recevait "
                  "des hommes dans un appartement prêté par un ami.")]),
    ],
    "memos": [],
})


# ---------------------------------------------------------------------------------------------
# Building sessions
# ---------------------------------------------------------------------------------------------

def span(text, phrase, where):
    """Offsets [start, end) of `phrase` in `text`, in code points; '*' is the whole text."""
    if phrase == "*":
        return 0, len(text)
    phrase = nfc(phrase)
    count = text.count(phrase)
    assert count == 1, f"{where}: phrase found {count} times: {phrase!r}"
    start = text.index(phrase)
    end = start + len(phrase)
    assert text[start:end] == phrase
    return start, end


def sorted_map(d):
    return {k: d[k] for k in sorted(d)}


def value(v):
    if isinstance(v, str):
        return nfc(v)
    if isinstance(v, list):
        return [nfc(x) for x in v]
    return v


def build_session(spec):
    key = spec["key"]
    sid = uid("session", key)
    start = when(spec["start"])
    consent_at = start - timedelta(seconds=60)
    labels = spec.get("labels")

    # Segments: times follow one another, length from the number of words of the notes.
    segments = []
    seg_by_key = {}
    clock = start + timedelta(seconds=20)
    for i, (qkey, who, text) in enumerate(spec["segments"], 1):
        skey = f"s{i:02d}"
        text = nfc(text)
        words = len(text.split())
        seg_start = clock
        per_word = 2.4 if who == "R" else 0.7  # notes condense what is said
        seg_end = seg_start + timedelta(seconds=max(6, round(words * per_word)))
        seg = {"id": uid("segment", f"{key}:{skey}"),
               "question": qid(qkey) if qkey else None,
               "speaker": "interviewer" if who == "I" else "respondent"}
        if labels:
            seg["speaker_label"] = nfc(labels[who])
        seg["start"] = rfc3339(seg_start)
        seg["end"] = rfc3339(seg_end)
        seg["text"] = text
        segments.append(seg)
        seg_by_key[skey] = seg
        clock = seg_end + timedelta(seconds=10 + (i * 37) % 40 + spec.get("pauses", {}).get(skey, 0))
    last_end = when_from(segments[-1]["end"])

    session = {
        "format": FORMAT,
        "id": sid,
        "revision": 0,
        "interviewer": nfc(spec["interviewer"]),
        "respondent": {
            "pseudonym": spec["pseudonym"],
            "attributes": sorted_map({k: value(v) for k, v in spec["attributes"].items()}),
        },
        "consent": {"given": True, "at": rfc3339(consent_at)},
        "started": rfc3339(start),
        "ended": rfc3339(last_end + timedelta(seconds=90)) if spec["status"] == "done" else None,
        "location": nfc(spec["location"]),
        "status": spec["status"],
    }
    if spec.get("source"):
        session["source"] = spec["source"]
    if spec.get("current_question"):
        session["current_question"] = qid(spec["current_question"])
    session["segments"] = segments
    session["answers"] = sorted_map({qid(k): value(v) for k, v in spec["answers"].items()})
    marks = {}
    for qkey, reason in spec.get("marks", {}).items():
        marks[qid(qkey)] = ({"status": "covered"} if reason is None
                            else {"status": "skipped", "reason": nfc(reason)})
    if marks:
        session["marks"] = sorted_map(marks)

    codings = []
    for coder, items in spec["codings"].items():
        at = when(spec["coding_at"][coder])
        for n, item in enumerate(items):
            skey, phrase, path = item[:3]
            memo = item[3] if len(item) > 3 else None
            seg = seg_by_key[skey]
            s, e = span(seg["text"], phrase, f"{key} {coder} {skey}")
            coding = {"id": uid("coding", f"{key}:{coder}:{skey}:{path}:{s}"),
                      "segment": seg["id"], "start": s, "end": e, "code": cid(path),
                      "coder": nfc(coder), "at": rfc3339(at + timedelta(seconds=47 * n))}
            if memo:
                coding["memo"] = nfc(memo)
            codings.append(coding)
    session["codings"] = codings

    memos = []
    for n, (segkey, time_ref, text) in enumerate(spec["memos"]):
        assert time_ref.startswith("after:")
        ref = seg_by_key[time_ref[len("after:"):]]
        memo = {"id": uid("memo", f"{key}:{n}"), "author": nfc(spec["interviewer"]),
                "at": rfc3339(when_from(ref["end"]) + timedelta(seconds=30))}
        if segkey:
            memo["segment"] = seg_by_key[segkey]["id"]
        memo["text"] = nfc(text)
        memos.append(memo)
    session["memos"] = memos

    situations = []
    for n, (label, attrs, excerpts) in enumerate(spec["situations"]):
        ex = []
        for skey, phrase in excerpts:
            seg = seg_by_key[skey]
            s, e = span(seg["text"], phrase, f"{key} situation {n} {skey}")
            ex.append({"segment": seg["id"], "start": s, "end": e})
        situations.append({"id": uid("situation", f"{key}:{n}"), "label": nfc(label),
                           "attributes": sorted_map({k: value(v) for k, v in attrs.items()}),
                           "excerpts": ex})
    session["situations"] = situations
    return session


def when_from(stamp):
    return datetime.fromisoformat(stamp)


# ---------------------------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------------------------

KEY_RE = re.compile(r"^[a-z0-9_-]+$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TIME_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
COLOUR_RE = re.compile(r"^#[0-9a-f]{6}$")


def check_key(key, where):
    assert isinstance(key, str) and KEY_RE.match(key), f"{where}: bad key {key!r}"


def check_kind_def(d, where):
    kind = d["kind"]
    assert kind in ("open", "yes_no", "number", "choice", "choices", "scale"), where
    if kind in ("choice", "choices"):
        keys = [o["key"] for o in d["options"]]
        assert keys and len(keys) == len(set(keys)), f"{where}: options"
        for k in keys:
            check_key(k, where)
    if kind == "scale":
        assert isinstance(d["min"], int) and isinstance(d["max"], int) and d["min"] < d["max"]


def check_value(d, v, where):
    kind = d["kind"]
    if kind == "open":
        ok = isinstance(v, str)
    elif kind == "yes_no":
        ok = isinstance(v, bool)
    elif kind == "number":
        ok = (isinstance(v, int) and not isinstance(v, bool)
              and (d.get("min") is None or v >= d["min"])
              and (d.get("max") is None or v <= d["max"]))
    elif kind == "choice":
        ok = isinstance(v, str) and v in {o["key"] for o in d["options"]}
    elif kind == "choices":
        keys = {o["key"] for o in d["options"]}
        ok = isinstance(v, list) and len(v) == len(set(v)) and all(x in keys for x in v)
    else:
        ok = (isinstance(v, int) and not isinstance(v, bool) and d["min"] <= v <= d["max"])
    assert ok, f"{where}: value {v!r} does not fit kind {kind}"


def walk_strings(obj, where="$"):
    if isinstance(obj, str):
        assert obj == unicodedata.normalize("NFC", obj) and "\r" not in obj, f"{where}: not NFC"
    elif isinstance(obj, dict):
        for k, v in obj.items():
            walk_strings(v, f"{where}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            walk_strings(v, f"{where}[{i}]")
    elif isinstance(obj, float) and not (NUMBER_BOUNDS_AS_FLOAT and re.search(r"\.(min|max)$", where)):
        raise AssertionError(f"{where}: float {obj!r}, numbers must be integers")


def unique(ids, what):
    seen = set()
    for i in ids:
        assert UUID_RE.match(i), f"{what}: not a lowercase uuid {i}"
        assert i not in seen, f"duplicate {what} {i}"
        seen.add(i)


def check_all(study, grid, codebook, sessions):
    for obj in (study, grid, codebook, *sessions):
        walk_strings(obj)
        assert obj["format"] == FORMAT

    # study.json
    for base in ("respondent_attributes", "situation_attributes"):
        keys = [a["key"] for a in study[base]]
        assert len(keys) == len(set(keys)), base
        for a in study[base]:
            check_key(a["key"], base)
            check_kind_def(a, f"{base}.{a['key']}")
    r_attrs = {a["key"]: a for a in study["respondent_attributes"]}
    s_attrs = {a["key"]: a for a in study["situation_attributes"]}

    # grid.json
    theme_keys = [t["key"] for t in grid["themes"]]
    assert len(theme_keys) == len(set(theme_keys)), "theme keys"
    questions = [q for t in grid["themes"] for q in t["questions"]]
    qkeys = [q["key"] for q in questions]
    assert len(qkeys) == len(set(qkeys)), "question keys"
    unique([t["id"] for t in grid["themes"]] + [q["id"] for q in questions], "grid id")
    for t in grid["themes"]:
        check_key(t["key"], "theme")
    for q in questions:
        check_key(q["key"], "question")
        check_kind_def(q, f"question {q['key']}")
        assert 1 <= len(q.get("prompts", [])) <= 3, f"{q['key']}: prompts"
    by_qid = {q["id"]: q for q in questions}
    kinds = {q["kind"] for q in questions}
    assert kinds == {"open", "yes_no", "number", "choice", "choices", "scale"}, kinds

    # codebook.json
    code_ids = []

    def walk_codes(nodes, prefix):
        slugs = [n["slug"] for n in nodes]
        assert len(slugs) == len(set(slugs)), f"sibling slugs under {prefix}"
        for n in nodes:
            check_key(n["slug"], "slug")
            assert COLOUR_RE.match(n["colour"]), n["colour"]
            for f in ("name", "description", "use_when", "dont_use_when", "example"):
                assert n[f].strip(), f"{n['slug']}: empty {f}"
            code_ids.append(n["id"])
            if "children" in n:
                assert n["children"], "children must be omitted when empty"
                walk_codes(n["children"], prefix + n["slug"] + "/")

    walk_codes(codebook["codes"], "")
    unique(code_ids, "code id")
    code_set = set(code_ids)

    # sessions
    unique([s["id"] for s in sessions], "session id")
    for s in sessions:
        where = s["respondent"]["pseudonym"]
        for k, v in s["respondent"]["attributes"].items():
            assert k in r_attrs, f"{where}: unknown respondent attribute {k}"
            check_value(r_attrs[k], v, f"{where} respondent.{k}")
        assert list(s["respondent"]["attributes"]) == sorted(s["respondent"]["attributes"])
        assert s["consent"]["given"] is True
        for t in (s["consent"]["at"], s["started"], s["ended"]):
            assert t is None or TIME_RE.match(t), t
        assert s["consent"]["at"] <= s["started"]
        assert s["status"] in ("done", "in_progress")
        assert (s["ended"] is not None) == (s["status"] == "done")
        if "current_question" in s:
            assert s["current_question"] in by_qid
        segs = {g["id"]: g for g in s["segments"]}
        unique([g["id"] for g in s["segments"]], f"{where} segment id")
        previous_end = s["started"]
        for g in s["segments"]:
            assert g["question"] is None or g["question"] in by_qid, f"{where}: question ref"
            assert g["speaker"] in ("respondent", "interviewer")
            assert TIME_RE.match(g["start"]) and TIME_RE.match(g["end"])
            assert previous_end <= g["start"] <= g["end"], f"{where}: segment times"
            previous_end = g["end"]
        if s["ended"]:
            assert previous_end <= s["ended"]
        assert list(s["answers"]) == sorted(s["answers"])
        for q, v in s["answers"].items():
            assert q in by_qid, f"{where}: answer to unknown question"
            check_value(by_qid[q], v, f"{where} answer {by_qid[q]['key']}")
        if "marks" in s:
            assert s["marks"] and list(s["marks"]) == sorted(s["marks"])
            for q, m in s["marks"].items():
                assert q in by_qid
                assert m == {"status": "covered"} or (
                    m["status"] == "skipped" and m["reason"] and list(m) == ["status", "reason"])
        unique([c["id"] for c in s["codings"]], f"{where} coding id")
        for c in s["codings"]:
            assert c["code"] in code_set, f"{where}: unknown code"
            text = segs[c["segment"]]["text"]
            assert 0 <= c["start"] < c["end"] <= len(text), f"{where}: coding span"
            assert TIME_RE.match(c["at"])
        unique([m["id"] for m in s["memos"]], f"{where} memo id")
        for m in s["memos"]:
            assert "segment" not in m or m["segment"] in segs
        unique([x["id"] for x in s["situations"]], f"{where} situation id")
        for x in s["situations"]:
            assert list(x["attributes"]) == sorted(x["attributes"])
            for k, v in x["attributes"].items():
                assert k in s_attrs, f"{where}: unknown situation attribute {k}"
                check_value(s_attrs[k], v, f"{where} situation.{k}")
            assert x["excerpts"]
            for e in x["excerpts"]:
                text = segs[e["segment"]]["text"]
                assert 0 <= e["start"] < e["end"] <= len(text), f"{where}: excerpt span"


def check_phrases(specs, sessions):
    """Every coding and excerpt slice equals the phrase it was computed from."""
    for spec, s in zip(specs, sessions):
        texts = {f"s{i:02d}": g["text"] for i, g in enumerate(s["segments"], 1)}
        ids = {f"s{i:02d}": g["id"] for i, g in enumerate(s["segments"], 1)}
        expected = []
        for coder, items in spec["codings"].items():
            for item in items:
                skey, phrase, path = item[:3]
                expected.append((ids[skey], texts[skey] if phrase == "*" else nfc(phrase),
                                 cid(path), coder))
        got = [(c["segment"], texts[[k for k, v in ids.items() if v == c["segment"]][0]]
                [c["start"]:c["end"]], c["code"], c["coder"]) for c in s["codings"]]
        assert got == expected, spec["key"]
        for (label, _, excerpts), x in zip(spec["situations"], s["situations"]):
            for (skey, phrase), e in zip(excerpts, x["excerpts"]):
                want = texts[skey] if phrase == "*" else nfc(phrase)
                assert texts[skey][e["start"]:e["end"]] == want, label


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

def dump(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def write(rel, obj):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = dump(obj)
    assert dump(json.loads(text)) == text  # plain round trip keeps the bytes
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return rel


def main():
    sessions = [build_session(spec) for spec in SESSIONS]
    check_all(STUDY, GRID, CODEBOOK, sessions)
    check_phrases(SESSIONS, sessions)

    sessions_dir = os.path.join(ROOT, "sessions")
    wanted = {f"{s['id']}.json" for s in sessions}
    if os.path.isdir(sessions_dir):
        for name in sorted(os.listdir(sessions_dir)):
            # Example sessions written by an earlier run of this script under another id.
            if name.endswith(".json") and name not in wanted:
                print(f"note: sessions/{name} is not generated by this script", file=sys.stderr)

    written = [
        write("codebook/study.json", STUDY),
        write("codebook/grid.json", GRID),
        write("codebook/codebook.json", CODEBOOK),
    ]
    for s in sessions:
        written.append(write(f"sessions/{s['id']}.json", s))
    for rel in written:
        print(rel)


if __name__ == "__main__":
    main()
