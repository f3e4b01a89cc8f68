#!/usr/bin/env python3
"""Derives the shipped hosting-ASN list (risk-spi resource hosting-asns.txt) from a free ASN database.

Source: the npm package @ip-location-db/asn (CSV: range start, range end, AS number, AS organisation), whose
organisation names come from DB-IP's IP to ASN Lite database, merged with RouteViews and NRO data; all CC BY 4.0
(attribution: DB-IP.com, routeviews.org, nro.net). The download goes to a temporary directory and is never kept.

An AS is listed when its organisation name is one of the curated providers below (exact names, reviewed), or when
the name says it is a hosting business (keyword "hosting" or "VPS") and nothing in it says access network (telecom,
broadband, cable, mobile, ...). Left out on purpose, whatever their names: networks where ordinary people's
devices sign in (see EXCLUDED_ASNS).

    python3 risk-spi/src/main/data/hosting-asns.py [npm-version] > risk-spi/src/main/resources/io/zerotrust/keycloak/risk/geo/hosting-asns.txt
"""
import csv
import datetime
import glob
import os
import re
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@ip-location-db/asn"
DEFAULT_VERSION = "2.3.2026061719"

# (provider, regular expression matched against the whole organisation name, case-insensitive)
PROVIDERS = [
    ("Amazon Web Services", r"Amazon\.com, Inc\.|Amazon Data Services .*|Amazon Technologies Inc\."),
    ("Google Cloud", r"Google LLC|Google, LLC|Google Cloud .*|Google Ireland Limited|Google Asia Pacific Pte\. Ltd\."),
    ("Microsoft Azure", r"Microsoft Corporation|Microsoft Limited|Microsoft Deutschland MCIO GmbH"),
    ("Oracle Cloud", r"Oracle Corporation"),
    ("IBM Cloud", r"IBM Cloud"),
    ("Alibaba Cloud", r"Alibaba \(US\) Technology Co\., Ltd\.|Alibaba Cloud .*"),
    ("Tencent Cloud", r"Shenzhen Tencent Computer Systems Company Limited|Tencent Cloud Computing .*"),
    ("Huawei Cloud", r"Huawei Cloud Service data center"),
    ("DigitalOcean", r"DigitalOcean, LLC"),
    ("Linode", r"Linode, LLC"),
    ("Vultr", r"The Constant Company, LLC"),
    ("OVHcloud", r"OVH SAS"),
    ("Hetzner", r"Hetzner Online GmbH"),
    ("Contabo", r"Contabo .*"),
    ("Scaleway", r"Scaleway SAS|SCALEWAY S\.A\.S\.|SCALEWAY US CORPORATION"),
    ("IONOS", r"IONOS SE"),
    ("Strato", r"Strato AG"),
    ("netcup", r"netcup GmbH"),
    ("Hostinger", r"Hostinger International Limited"),
    ("GoDaddy", r"GoDaddy\.com, LLC"),
    ("Namecheap", r"Namecheap, Inc\."),
    ("HostPapa", r"Hostpapa.*"),
    ("Liquid Web", r"Liquid Web.*"),
    ("Rackspace", r"Rackspace Hosting|Rackspace Ltd\.|Rackspace\.com Hong Kong Limited"),
    ("Leaseweb", r"Leaseweb .*"),
    ("UpCloud", r"UpCloud .*"),
    ("Kamatera", r"Kamatera.*"),
    ("Hivelocity", r"Hivelocity Inc"),
    ("Psychz", r"Psychz Networks.*"),
    ("QuadraNet", r"QuadraNet Enterprises LLC"),
    ("BuyVM", r"FranTech Solutions"),
    ("Servers.com", r"Servers\.com.*"),
    ("Gcore", r"G-Core Labs S\.A\.?"),
    ("Zenlayer", r"Zenlayer.*"),
    ("Cherry Servers", r"UAB Cherry Servers"),
    ("WorldStream", r"WorldStream B\.V\.|Worldstream Network B\.V\."),
    ("Serverius", r"Serverius Holding B\.V\."),
    ("NForce", r"NForce Entertainment B\.V\."),
    ("i3D.net", r"i3D\.net B\.V"),
    ("firstcolo", r"firstcolo GmbH"),
    ("myLoc", r"myLoc managed IT AG"),
    ("Latitude.sh", r"Latitude\.sh"),
    ("Clouvider", r"Clouvider.*"),
    ("Selectel", r"JSC Selectel|Selectel LTD"),
    ("Timeweb", r"JSC \"TIMEWEB\"|Timeweb, LLP"),
    ("Aeza", r"AEZA INTERNATIONAL LTD|Aeza Group LLC"),
    ("HOSTKEY", r"HOSTKEY.*"),
    ("Sharktech", r"Sharktech"),
    ("Tier.Net", r"Tier\.Net Technologies LLC"),
    ("Performive", r"Performive LLC"),
    ("tzulo", r"tzulo, inc\."),
    ("Private Layer", r"Private Layer INC|AS52288 - PRIVATE LAYER INC"),
    ("FlokiNET", r"FlokiNET ehf"),
    ("iomart", r"IOMART HOSTING LIMITED|IOMART CLOUD SERVICES LIMITED|Iomartcloud Inc\."),
    # VPN services and the hosting networks their exits are known to run on
    ("M247 (VPN exits)", r"M247 .*"),
    ("Datacamp / CDN77 (VPN exits)", r"Datacamp Limited"),
    ("HostRoyale (VPN exits)", r"HostRoyale .*"),
    ("NordVPN", r"PacketHub S\.A\."),
    ("Mullvad VPN", r"Mullvad VPN AB|31173 Services AB"),
    ("Proton VPN", r"Proton AG"),
    ("Windscribe", r"Windscribe"),
]

# Names of hosting businesses; reviewed: the hits are web hosts, VPS and game-server providers
KEYWORDS = re.compile(r"\b(hosting|vps)\b", re.I)
# Words of access networks (and institutions) that also run a hosting arm under one name: left out
ACCESS_NETWORK = re.compile(r"telecom|telekom|broadband|cable|fib(er|re)|wireless|mobile|internet service|\bisp\b"
                            r"|communication|telecomunica|provedor|net ltda|bank|universit|school|government"
                            r"|ministry|hospital|insurance", re.I)
# Where ordinary users' devices sign in, whatever the name says: Apple iCloud Private Relay egress (Akamai,
# Cloudflare, Fastly), Cloudflare WARP, Zscaler and other company web gateways
EXCLUDED_ASNS = {13335, 209242, 36183, 20940, 16625, 54113, 53813, 62044, 22616, 53444, 62907}
# Keyword hits reviewed and found not to be hosting networks (a securities firm named VPS, a tyre club) or to be
# access networks with a hosting arm
NOT_HOSTING = re.compile(r"VPS Securities|WHEEL AND TIRE|Internet y Hosting|INTERNET E WEB HOSTING|Metro Net Hosting",
                         re.I)
# Listed by number where the name is shared with excluded networks: Linode under Akamai's name
EXTRA_ASNS = {63949: "Linode (Akamai Connected Cloud)"}


def download(version, directory):
    subprocess.run(["npm", "pack", "--silent", PACKAGE + "@" + version], cwd=directory, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = glob.glob(os.path.join(directory, "*.tgz"))[0]
    with tarfile.open(tgz) as archive:
        archive.extractall(directory, filter="data")
    return os.path.join(directory, "package")


def organisations(package):
    names = {}
    for file in ("asn-ipv4.csv", "asn-ipv6.csv"):
        with open(os.path.join(package, file), newline="", encoding="utf-8") as f:
            for row in csv.reader(f):
                names[int(row[2])] = row[3]
    return names


def classify(asn, name):
    if asn in EXCLUDED_ASNS:
        return None
    if asn in EXTRA_ASNS:
        return EXTRA_ASNS[asn]
    for provider, pattern in PROVIDERS:
        if re.fullmatch(pattern, name, re.I):
            return provider
    if KEYWORDS.search(name) and not ACCESS_NETWORK.search(name) and not NOT_HOSTING.search(name):
        return "keyword"
    return None


def main():
    version = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_VERSION
    with tempfile.TemporaryDirectory() as tmp:
        names = organisations(download(version, tmp))
    listed = sorted((asn, name, kind) for asn, name in names.items() if (kind := classify(asn, name)))
    print("# Hosting, cloud and VPN provider networks: one AS number per line, '#' starts a comment.")
    print("# Source: npm %s@%s (AS organisation names by DB-IP.com IP to ASN Lite, with RouteViews and NRO data)"
          % (PACKAGE, version))
    print("# License: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/ - attribution: DB-IP.com, routeviews.org, nro.net")
    print("# Generated %s by risk-spi/src/main/data/hosting-asns.py from %d AS numbers: %d listed"
          % (datetime.date.today().isoformat(), len(names), len(listed)))
    print("# Listed: curated provider names, and names of hosting businesses (keyword 'hosting' or 'VPS', no access-network word).")
    print("# Left out on purpose: Cloudflare, Akamai (except Linode), Fastly, Zscaler (iCloud Private Relay, WARP, company gateways).")
    for asn, name, kind in listed:
        label = name if kind == "keyword" else "%s (%s)" % (name, kind)
        print("%d # %s" % (asn, label.replace("\n", " ")))


if __name__ == "__main__":
    main()
